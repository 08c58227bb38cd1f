using System.Globalization;
using System.Text;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Features.Access;
using ChildStory.Features.Rules.Library;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Rules;

public sealed record RegisterRow(Guid ChildId, string Name, DateOnly? DateOfBirth, IReadOnlyList<ConcernDomain> Domains, IReadOnlyList<string> Agencies,
    string? LeadProfessional, DateTimeOffset EnteredAt, int DaysOnRegister, bool FastTrack);

public sealed record RegisterMonth(string Month, int Entries, int Exits, int OnRegisterAtEnd);

public sealed record RegisterView(IReadOnlyList<RegisterRow> Rows, int TotalOnRegister, int Hidden, IReadOnlyList<RegisterMonth> Months);

/// <summary>
/// The complex-needs register: children the complex-needs rule finds with concerns in several domains, with the domains,
/// the agencies involved, the lead professional, time on the register and whether a fast-track response is in place
/// (a critical-moment referral open). Names are shown only for children the reader may see; totals and the monthly
/// entries and exits count everyone, without names.
/// </summary>
public sealed class ComplexNeedsRegister(ChildStoryDbContext db, ChildAccess access)
{
    public async Task<Result<RegisterView>> RunAsync(Actor actor, ConcernDomain? domain = null, bool? fastTrack = null, CancellationToken ct = default)
    {
        if (actor.Kind == ActorKind.Anonymous)
        {
            return Error.Forbidden("Sign in to see the register");
        }
        var now = db.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var open = await db.RegisterEntries.AsNoTracking().Where(r => r.LeftAt == null).ToListAsync(ct);
        var visible = await access.VisibleChildIdsAsync(actor, ct);
        var visibleIds = visible is null ? open.Select(o => o.ChildId).ToHashSet()
            : (await visible.Where(id => open.Select(o => o.ChildId).Contains(id)).ToListAsync(ct)).ToHashSet();
        var ids = open.Where(o => visibleIds.Contains(o.ChildId)).Select(o => o.ChildId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => new { Name = p.GivenName + " " + p.FamilyName, p.DateOfBirth }, ct);
        var involvements = await db.Involvements.AsNoTracking().Where(i => ids.Contains(i.ChildId) && (i.EndedOn == null || i.EndedOn >= today))
            .Select(i => new { i.ChildId, Agency = i.Agency!.Name, i.Role, i.IsLeadProfessional, Lead = i.Practitioner == null ? null : i.Practitioner.GivenName + " " + i.Practitioner.FamilyName })
            .ToListAsync(ct);
        var fast = (await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.ChildId) && r.CriticalMomentAt != null
            && r.Stage != Domain.Referrals.ReferralStage.Closed && r.Stage != Domain.Referrals.ReferralStage.Declined && r.Stage != Domain.Referrals.ReferralStage.Withdrawn)
            .Select(r => r.ChildId).ToListAsync(ct)).ToHashSet();
        var rows = open.Where(o => visibleIds.Contains(o.ChildId)).Select(o => new RegisterRow(o.ChildId, people[o.ChildId].Name, people[o.ChildId].DateOfBirth,
                o.Domains.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ConcernDomain>).ToList(),
                involvements.Where(i => i.ChildId == o.ChildId && !UniversalServices.IsUniversal(i.Role)).Select(i => i.Agency).Distinct().Order().ToList(),
                involvements.FirstOrDefault(i => i.ChildId == o.ChildId && i.IsLeadProfessional)?.Lead, o.EnteredAt,
                today.DayNumber - DateOnly.FromDateTime(o.EnteredAt.UtcDateTime).DayNumber, fast.Contains(o.ChildId)))
            .Where(r => domain is null || r.Domains.Contains(domain.Value))
            .Where(r => fastTrack is null || r.FastTrack == fastTrack)
            .OrderByDescending(r => r.Domains.Count).ThenBy(r => r.EnteredAt).ToList();
        db.Audit(AuditActions.RegisterViewed, detail: $"{{\"rows\":{rows.Count}}}");
        await db.SaveChangesAsync(ct);
        return new RegisterView(rows, open.Count, open.Count - visibleIds.Count, await MonthsAsync(now, ct));
    }

    /// <summary>Entries, exits and the number on the register at the end of each of the last twelve months.</summary>
    private async Task<List<RegisterMonth>> MonthsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var first = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-11);
        var entries = await db.RegisterEntries.AsNoTracking().Select(r => new { r.EnteredAt, r.LeftAt }).ToListAsync(ct);
        return Enumerable.Range(0, 12).Select(i =>
        {
            var start = first.AddMonths(i);
            var end = start.AddMonths(1);
            return new RegisterMonth(start.ToString("MMM yyyy", CultureInfo.InvariantCulture),
                entries.Count(e => e.EnteredAt >= start && e.EnteredAt < end),
                entries.Count(e => e.LeftAt >= start && e.LeftAt < end),
                entries.Count(e => e.EnteredAt < end && (e.LeftAt is null || e.LeftAt >= end)));
        }).ToList();
    }

    public static string Csv(RegisterView view)
    {
        var csv = new StringBuilder("child_id,name,date_of_birth,domains,agencies,lead_professional,entered,days_on_register,fast_track\r\n");
        foreach (var r in view.Rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.ChildId},{Cell(r.Name)},{r.DateOfBirth:yyyy-MM-dd},{Cell(string.Join("; ", r.Domains.Select(ComplexNeeds.Describe)))},")
                .Append(CultureInfo.InvariantCulture, $"{Cell(string.Join("; ", r.Agencies))},{Cell(r.LeadProfessional ?? "")},{r.EnteredAt:yyyy-MM-dd},{r.DaysOnRegister},{(r.FastTrack ? "yes" : "no")}\r\n");
        }
        return csv.ToString();
    }

    /// <summary>A CSV cell, quoted, with formula-starting characters neutralised so a spreadsheet does not run them.</summary>
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0]) ? "'" + value : value;
        return $"\"{safe.Replace("\"", "\"\"")}\"";
    }
}
