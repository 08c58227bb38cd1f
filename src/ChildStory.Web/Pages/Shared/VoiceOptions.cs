using ChildStory.Domain.Casework;

namespace ChildStory.Web.Pages.Shared;

/// <summary>The ways a child's views are gathered, in practitioners' words, for every form that records the child's voice.</summary>
public static class VoiceOptions
{
    public static IReadOnlyList<SelectOption> Methods { get; } = Enum.GetValues<VoiceMethod>().Select(m => new SelectOption(m.ToString(), m switch
    {
        VoiceMethod.ConversationWithTheChild => "Conversation with the child",
        VoiceMethod.ConversationSeenAlone => "Conversation with the child seen alone",
        VoiceMethod.PlayOrDrawing => "Play or drawing",
        VoiceMethod.ObservationOfAYoungChild => "Observation of a young child",
        VoiceMethod.Advocate => "Through an advocate",
        VoiceMethod.WrittenByTheChild => "Written by the child",
        VoiceMethod.DigitalTool => "Digital tool or app",
        _ => "Through an interpreter",
    })).ToList();
}
