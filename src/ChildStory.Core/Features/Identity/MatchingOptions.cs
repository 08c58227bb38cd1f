namespace ChildStory.Features.Identity;

/// <summary>
/// Thresholds for linking incoming events to people (configuration section "Identity"). Scores are the matcher's
/// log-odds evidence (<see cref="PairScore"/>): an exact name and date of birth score about 27, name and date of
/// birth with one slip about 20, a name alone about 16. At or above <see cref="AutoLinkScore"/> the events are linked
/// without a person; from <see cref="ReviewScore"/> up to it a practitioner decides; below it, it is somebody new.
/// The auto-link bar is higher than the batch linker's because a wrong link puts one child's events on another
/// child's story: a name alone, however rare, never links on its own.
/// </summary>
public sealed class MatchingOptions
{
    public double AutoLinkScore { get; set; } = 20;
    public double ReviewScore { get; set; } = 8;

    /// <summary>How often the background matcher looks for unlinked events; 0 turns it off (tests; a separate job host).</summary>
    public int IntervalSeconds { get; set; } = 30;
}
