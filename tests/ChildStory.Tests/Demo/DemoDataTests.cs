using ChildStory.Data;
using ChildStory.Domain.People;
using ChildStory.Features.Demo;
using ChildStory.Identifiers;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Demo;

public abstract class DemoDataTests(DatabaseProvider provider)
{
    private static readonly TestClock Clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    private static async Task<(List<(Guid Id, string Name, DateOnly? Born, string? Nhs)> Children, DemoSummary Summary)> SeedAsync(DatabaseProvider provider, int seed)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext(time: Clock);
        var summary = await new SeedDemoData(Clock).RunAsync(db, new DemoOptions { Children = 400, Seed = seed }, null);
        var children = await db.People.Where(p => p.IsChild).OrderBy(p => p.Id)
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName, p.DateOfBirth, p.NhsNumber }).ToListAsync();
        return (children.Select(c => (c.Id, c.Name, c.DateOfBirth, c.NhsNumber)).ToList(), summary);
    }

    [Fact]
    public async Task The_same_seed_makes_the_same_children_and_another_seed_does_not()
    {
        var first = await SeedAsync(provider, 7);
        var again = await SeedAsync(provider, 7);
        var other = await SeedAsync(provider, 8);
        Assert.Equal(400, first.Summary.Children);
        Assert.Equal(first.Children, again.Children);
        Assert.NotEqual(first.Children.Select(c => c.Id), other.Children.Select(c => c.Id));
    }

    [Fact]
    public async Task Demo_children_have_valid_identifiers_families_and_a_team_around_them()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext(time: Clock);
        await new SeedDemoData(Clock).RunAsync(db, new DemoOptions { Children = 1500, Seed = 3 }, null);

        var children = await db.People.Where(p => p.IsChild).Select(p => new { p.Id, p.NhsNumber, p.Upn, p.DateOfBirth }).ToListAsync();
        Assert.All(children.Where(c => c.NhsNumber is not null), c => Assert.True(NhsNumber.Parse(c.NhsNumber).IsValid));
        Assert.All(children.Where(c => c.Upn is not null), c => Assert.True(UniquePupilNumber.Parse(c.Upn).IsValid));
        Assert.All(children, c => Assert.InRange(c.DateOfBirth!.Value, new DateOnly(2008, 11, 22), new DateOnly(2026, 11, 22)));
        Assert.Equal(children.Count, await db.Relationships.Where(r => r.Kind == RelationshipKind.Mother).Select(r => r.ChildId).Distinct().CountAsync());
        Assert.True(await db.Relationships.AnyAsync(r => r.Kind == RelationshipKind.Father && r.IsNotKnown));
        Assert.Equal(children.Count, await db.Involvements.Where(i => i.Role == InvolvementRole.GeneralPractitioner).Select(i => i.ChildId).Distinct().CountAsync());
        Assert.True(await db.Involvements.AnyAsync(i => i.IsLeadProfessional));
        Assert.True(await db.Involvements.AnyAsync(i => i.EndedOn != null));
        Assert.True(await db.ChronologyEvents.CountAsync() > children.Count, "every child should have a story of a few events on average");
        Assert.False(await db.ChronologyEvents.AnyAsync(e => e.ChildId == null));
        Assert.True(await db.ChronologyEvents.AnyAsync(e => e.Sensitivity != ChildStory.Domain.Chronology.Sensitivity.None && e.SensitiveContact != null));
        Assert.Equal(1, await db.AuditEntries.CountAsync());
        // Follow-through for the demo logins to find: an unanswered share, an answered one, two referrals and a contact.
        Assert.Equal(8, await db.ReferralServices.CountAsync());
        Assert.Equal(1, await db.ShareRecipients.CountAsync(r => r.AcknowledgedAt == null));
        Assert.Equal(1, await db.ShareRecipients.CountAsync(r => r.ActionedAt != null));
        Assert.Equal(2, await db.Referrals.CountAsync(r => r.NextDueAt != null));
        Assert.Equal(1, await db.Contacts.CountAsync(c => c.DecidedAt == null));
        // The team around the child: CAMHS withdrawing from James, leaving social care alone on a protection plan; a
        // plan without the child's views; a conference at short notice; an interview due; a handover not yet introduced.
        Assert.Equal(1, await db.Withdrawals.CountAsync(w => w.LeavesOneAgency));
        Assert.Equal(1, await db.Plans.CountAsync(p => p.Kind == ChildStory.Domain.Casework.PlanKind.ChildInNeed && p.ChildVoice.Words == null));
        Assert.Equal(1, await db.MeetingInvitations.CountAsync(i => i.NoticeWorkingDays < i.RequiredNoticeWorkingDays && i.ReportSubmittedAt != null));
        Assert.Equal(1, await db.Timescales.CountAsync(t => t.Kind == ChildStory.Domain.Casework.TimescaleKind.ReturnHomeInterview));
        Assert.True(await db.Involvements.AnyAsync(i => i.HandedOverFromId != null && i.IntroducedOn == null));
        // Education and SEND: pupils on roll with attendance, one unregistered full-time placement, one home-educated child with an EHC plan.
        Assert.Equal(await db.Enrolments.CountAsync(), await db.AttendanceRecords.CountAsync());
        Assert.Equal(1, await db.ApPlacements.CountAsync(p => !p.Registered && p.HoursPerWeek >= 25));
        Assert.Equal(1, await db.HomeEducation.CountAsync(h => db.EhcPlans.Any(p => p.ChildId == h.ChildId)));
        Assert.Equal(1, await db.Teams.CountAsync(t => t.Function == ChildStory.Domain.Partnership.TeamFunction.Send));
    }

    [Fact]
    public async Task Seeding_refuses_a_database_that_already_has_a_partnership()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext(time: Clock);
        await new SeedDemoData(Clock).RunAsync(db, new DemoOptions { Children = 20 }, null);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SeedDemoData(Clock).RunAsync(db, new DemoOptions { Children = 20 }, null));
        Assert.Contains("already holds a partnership", error.Message);
    }
}

public sealed class DemoDataOnSqlite() : DemoDataTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class DemoDataOnPostgres() : DemoDataTests(DatabaseProvider.Postgres);
