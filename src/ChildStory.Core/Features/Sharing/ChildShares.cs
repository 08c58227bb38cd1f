using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Sharing;
using ChildStory.Features.Access;
using ChildStory.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Sharing;

/// <summary>One share in a child's list, with each recipient's state in a word.</summary>
public sealed record ChildShare(Guid Id, string Subject, string SenderName, string SentAtText, IReadOnlyList<(string Name, RecipientStatus Status, bool Late)> Recipients);

/// <summary>
/// Every share about a child, newest first, for the team around the child (anyone who may read the record): who
/// was told what, and who has not answered. Reading the list is audited with the record view that shows it.
/// </summary>
public sealed class ChildShares(ChildStoryDbContext db, ChildAccess access, PartnershipCalendar calendar)
{
    public async Task<Result<IReadOnlyList<ChildShare>>> RunAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var now = db.Time.GetUtcNow();
        var working = await calendar.GetAsync(db, ct);
        var shares = await db.Shares.AsNoTracking().Include(s => s.Recipients).Where(s => s.ChildId == childId)
            .OrderByDescending(s => s.SentAt).Take(200).ToListAsync(ct);
        return shares.Select(s => new ChildShare(s.Id, s.Subject, s.SenderName, working.Describe(s.SentAt),
            s.Recipients.OrderBy(r => r.Name).Select(r => (r.Name, r.Status, r.IsLate(now))).ToList())).ToList();
    }
}
