using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Escalation;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Escalation;

/// <summary>
/// Run with the chasers (every minute, and <c>childstory chase</c>): a stage unanswered past its due time is raised,
/// once, with the raiser and their manager, offering to move up — silence must not become paralysis (James).
/// </summary>
public sealed class ChaseDifferences(ChildStoryDbContext db, Notifier notify)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var overdue = await db.DifferenceStages
            .Where(s => s.RespondedAt == null && s.EndedAt == null && s.OverdueToldAt == null && s.DueAt < now)
            .Join(db.ProfessionalDifferences.Where(d => d.Status == DifferenceStatus.Open), s => s.DifferenceId, d => d.Id, (s, d) => new { Stage = s, Difference = d })
            .Take(500).ToListAsync(ct);
        foreach (var item in overdue)
        {
            var (stage, difference) = (item.Stage, item.Difference);
            stage.MarkOverdueTold(now);
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == difference.SubjectAgencyId).Select(a => a.Name).SingleAsync(ct);
            await FollowUpStory.WriteAsync(db, difference.ChildId, difference.RaisedByAgencyId, null, FollowUpStory.Automatic, EventType.DifferenceStageOverdue,
                $"Professional difference with {agency}: stage {stage.Number} ({stage.Name}) was not answered by {stage.DueAt:d MMM yyyy HH:mm} UTC; the raiser was offered the next stage", true, ct);
            notify.Tell([.. await ShareParties.PractitionerAsync(db, difference.RaisedById, ct), .. await ShareParties.ManagersOfAsync(db, [difference.RaisedById], ct)],
                difference.ChildId, $"Stage {stage.Number} of your professional difference was not answered in time",
                $"{agency} did not answer by {stage.DueAt:d MMM yyyy HH:mm} UTC. Move it up to the next stage.", $"/differences/{difference.Id}");
        }
        if (overdue.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return overdue.Count;
    }
}
