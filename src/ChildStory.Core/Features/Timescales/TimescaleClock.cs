using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Features.Calendar;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Timescales;

/// <summary>
/// Starts and stops a child's statutory clocks. Meetings, plans, front-door decisions and agencies' events call it,
/// so that every clock starts from the thing the law counts from, runs on the partnership's working-day calendar
/// and rule, and ends when what it waited for has happened.
/// </summary>
internal static class TimescaleClock
{
    /// <summary>Which meeting meets which clocks.</summary>
    public static IReadOnlyList<TimescaleKind> MetBy(MeetingType type) => type switch
    {
        MeetingType.InitialChildProtectionConference => [TimescaleKind.InitialChildProtectionConference],
        MeetingType.CoreGroup => [TimescaleKind.FirstCoreGroup],
        MeetingType.ReviewChildProtectionConference => [TimescaleKind.FirstReviewConference, TimescaleKind.ReviewConference],
        MeetingType.ChildInNeedReview => [TimescaleKind.ChildInNeedReview],
        MeetingType.LookedAfterReview => [TimescaleKind.FirstLookedAfterReview, TimescaleKind.SecondLookedAfterReview, TimescaleKind.LookedAfterReview],
        _ => [],
    };

    public static Timescale Start(ChildStoryDbContext db, WorkingTime working, CaseworkOptions options, Guid childId, TimescaleKind kind,
        DateTimeOffset from, string by, Guid? teamId, Guid? meetingId = null, Guid? eventId = null, Guid? contactId = null)
    {
        var due = working.Due(from, options.RuleFor(kind));
        var clock = new Timescale(Guid.NewGuid(), childId, kind, from, by, due.Due, due.Explanation, teamId, meetingId, eventId, contactId);
        db.Timescales.Add(clock);
        return clock;
    }

    /// <summary>The open clocks of these kinds that an event at <paramref name="at"/> would meet, and whether any would be late.</summary>
    public static async Task<List<Timescale>> OpenAsync(ChildStoryDbContext db, Guid childId, IReadOnlyList<TimescaleKind> kinds, CancellationToken ct) =>
        kinds.Count == 0 ? [] : await db.Timescales.Where(t => t.ChildId == childId && t.Status == TimescaleStatus.Open && kinds.Contains(t.Kind)).ToListAsync(ct);

    /// <summary>Meets each clock; one met late without a reason fails the whole change (nothing is half saved).</summary>
    public static Result<bool> Complete(IEnumerable<Timescale> clocks, DateTimeOffset at, string by, string? lateReason, Guid? meetingId)
    {
        foreach (var clock in clocks)
        {
            var done = clock.Complete(at, by, lateReason, meetingId);
            if (!done.Succeeded)
            {
                return done;
            }
        }
        return true;
    }

    /// <summary>The team answerable for a child's clocks: the allocated social worker's, else the lead professional's, else none.</summary>
    public static async Task<Guid?> ResponsibleTeamAsync(ChildStoryDbContext db, Guid childId, CancellationToken ct)
    {
        var today = CaseworkAccess.Today(db);
        return await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == childId && (i.EndedOn == null || i.EndedOn >= today) && i.TeamId != null
                && (i.Role == Domain.People.InvolvementRole.AllocatedSocialWorker || i.IsLeadProfessional))
            .OrderByDescending(i => i.Role == Domain.People.InvolvementRole.AllocatedSocialWorker).ThenByDescending(i => i.StartedOn)
            .Select(i => i.TeamId).FirstOrDefaultAsync(ct);
    }
}
