using System.Text.Json;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Demo;

/// <summary>
/// Fills an empty database with the synthetic Westmere partnership (see README.md). Families are written in
/// chunks with change tracking cleared between them, so 100,000 children need no more memory than 3,000.
/// One audit entry records the load instead of one per row.
/// </summary>
public sealed class SeedDemoData(TimeProvider time)
{
    private const int ChildrenPerChunk = 2000;

    public async Task<DemoSummary> RunAsync(ChildStoryDbContext db, DemoOptions options, IProgress<DemoProgress>? progress, CancellationToken ct = default)
    {
        if (await db.Agencies.AnyAsync(ct))
        {
            throw new InvalidOperationException("The database already holds a partnership: the demo only fills an empty one.");
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var random = new DemoRandom(options.Seed);
        var partnership = DemoPartnershipGenerator.Build(random, options.Children);
        db.AuditChildChanges = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        progress?.Report(new DemoProgress("Agencies, teams and practitioners", 0, options.Children));
        db.Agencies.AddRange(partnership.Agencies);
        db.Teams.AddRange(partnership.Teams.Select(t => t.Team));
        db.Practitioners.AddRange(partnership.Practitioners);
        var services = DemoServices.Build(partnership, options.Seed);
        db.ReferralServices.AddRange(services);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var families = new DemoFamilyGenerator(random, today);
        var involvements = new DemoInvolvementGenerator(random, partnership, today);
        int children = 0, adults = 0, involvementCount = 0, events = 0, inChunk = 0;
        while (children < options.Children)
        {
            var wanted = Math.Min(options.Children - children, random.Between(1, 100) switch { <= 35 => 1, <= 70 => 2, <= 90 => 3, _ => 4 });
            var family = families.Build(wanted);
            involvements.Add(family);
            db.People.AddRange(family.Adults);
            db.People.AddRange(family.Children);
            db.Relationships.AddRange(family.Relationships);
            db.Involvements.AddRange(family.Involvements);
            db.ChronologyEvents.AddRange(family.Events);
            children += family.Children.Count;
            adults += family.Adults.Count;
            involvementCount += family.Involvements.Count;
            events += family.Events.Count;
            inChunk += family.Children.Count;
            if (inChunk >= ChildrenPerChunk || children >= options.Children)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                inChunk = 0;
                progress?.Report(new DemoProgress("Children, families and the agencies working with them", children, options.Children));
            }
        }

        var summary = new DemoSummary(partnership.Agencies.Count, partnership.Teams.Count, partnership.Practitioners.Count(), children, adults, involvementCount, events);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await DemoFollowThrough.SeedAsync(db, partnership, services, time.GetUtcNow(), ct);
        await DemoCasework.SeedAsync(db, partnership, time.GetUtcNow(), ct);
        await DemoDifferences.SeedAsync(db, partnership, time.GetUtcNow(), ct);
        progress?.Report(new DemoProgress("Peer and place maps", children, options.Children));
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await DemoNetworks.SeedAsync(db, partnership, options.Seed, today, ct);
        progress?.Report(new DemoProgress("Education and SEND", children, options.Children));
        await DemoEducation.SeedAsync(db, partnership, options.Seed, today, ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.AuditChildChanges = true;
        db.Audit(AuditActions.DemoDataSeeded, detail: JsonSerializer.Serialize(new { options.Seed, summary }));
        await db.SaveChangesAsync(ct);
        // Fresh statistics after a bulk load: without them SQLite's planner starts a name-and-date-of-birth search
        // from the names (thousands of rows) instead of the date of birth (a handful). Both databases know ANALYZE.
        await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        return summary;
    }

    /// <summary>The partnership a seed makes, rebuilt in memory (the same ids each time) to find the demo's people.</summary>
    internal static DemoPartnership Partnership(DemoOptions options) => DemoPartnershipGenerator.Build(new DemoRandom(options.Seed), options.Children);
}
