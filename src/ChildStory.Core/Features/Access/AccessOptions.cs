namespace ChildStory.Features.Access;

/// <summary>Partnership-configurable limits of need-to-know access (section "Access" of configuration).</summary>
public sealed class AccessOptions
{
    /// <summary>An agency keeps access to a child for this many days after its involvement ends.</summary>
    public int RecentlyEndedInvolvementDays { get; set; } = 90;

    /// <summary>How long broken-glass access to one child lasts.</summary>
    public int GlassBreakHours { get; set; } = 4;

    /// <summary>The shortest reason accepted for breaking the glass: a reason must say something.</summary>
    public int MinimumReasonLength { get; set; } = 15;
}
