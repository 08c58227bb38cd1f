namespace ChildStory.Domain.Casework;

/// <summary>How the child's views were gathered: the child's voice is heard in many ways, not only in words.</summary>
public enum VoiceMethod
{
    ConversationWithTheChild,
    ConversationSeenAlone,
    PlayOrDrawing,
    ObservationOfAYoungChild,
    Advocate,
    WrittenByTheChild,
    DigitalTool,
    ThroughAnInterpreter,
}

/// <summary>
/// The child's views in their own words, how and by whom they were gathered and when. Every plan and every review
/// carries one; a plan without it is flagged (James: "the voice of the child was lost").
/// </summary>
public sealed record ChildVoice(string? Words, VoiceMethod? Method, string? GatheredBy, DateOnly? GatheredOn)
{
    public static ChildVoice None { get; } = new(null, null, null, null);

    public bool IsRecorded => !string.IsNullOrWhiteSpace(Words) && Method is not null && !string.IsNullOrWhiteSpace(GatheredBy) && GatheredOn is not null;
}

/// <summary>The parents' and carers' views, and whether the plan or review was made with the family.</summary>
public sealed record FamilyViews(string? ParentsViews, bool MadeWithFamily, string? NotWithFamilyReason)
{
    public static FamilyViews None { get; } = new(null, false, null);

    public bool IsRecorded => !string.IsNullOrWhiteSpace(ParentsViews) && (MadeWithFamily || !string.IsNullOrWhiteSpace(NotWithFamilyReason));
}
