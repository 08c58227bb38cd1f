namespace ChildStory.Features.Sharing;

/// <summary>Configuration section <c>Sharing</c>: how often the chaser runs, and the emergency duty team's clock.</summary>
public sealed class SharingOptions
{
    /// <summary>How often the background chaser looks for unacknowledged shares (0 switches it off; tests run it by hand).</summary>
    public int ChaseIntervalSeconds { get; set; } = 60;

    /// <summary>Hours the emergency duty team has to acknowledge an urgent share routed to it out of hours.</summary>
    public int EmergencyDutyHours { get; set; } = 1;

    /// <summary>Working days a recipient may take for a "within working days" share when the sender does not say.</summary>
    public int DefaultWithinDays { get; set; } = 3;
}
