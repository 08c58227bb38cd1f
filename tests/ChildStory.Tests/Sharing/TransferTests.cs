using ChildStory.Common;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Domain.Sharing;
using ChildStory.Features.Access;
using ChildStory.Features.Sharing;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.Sharing;

public abstract class TransferTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> run)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider);
    }

    [Fact]
    public async Task A_transfer_packet_must_carry_the_open_concerns_and_once_acknowledged_the_receiving_authority_reads_the_childs_history()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 18, 11, 0, 0, TimeSpan.Zero);
        // Amelia is moving to Eastshire, whose duty team receives transfers (a front-door team would see every child anyway).
        var eastshire = new Agency(Guid.NewGuid(), "ESX", "Eastshire County Council Children's Services", AgencyKind.ChildrensSocialCare);
        var front = new Team(Guid.NewGuid(), eastshire.Id, "Eastshire Duty and Assessment", TeamFunction.Service);
        var jordan = new Practitioner(Guid.NewGuid(), "Jordan", "Hale", $"jordan.hale.{Guid.NewGuid():N}@eastshire.test.example", "Duty social worker", eastshire.Id, front.Id);
        Guid priyaId;
        await using (var db = App.CreateContext())
        {
            db.AddRange(eastshire, front, jordan);
            await db.SaveChangesAsync();
            priyaId = await db.Practitioners.Where(p => p.Email == World.SocialWorkerEmail).Select(p => p.Id).SingleAsync();
        }
        var priya = new Actor(ActorKind.User, Guid.NewGuid(), "Priya Shah", priyaId, (await AgencyOfAsync(priyaId)), null, new HashSet<string> { Roles.Practitioner });
        var receiver = new Actor(ActorKind.User, Guid.NewGuid(), "Jordan Hale", jordan.Id, eastshire.Id, front.Id, new HashSet<string> { Roles.Practitioner });

        ShareForm Form(TransferPacket packet, Guid[]? agencies = null, string[]? emails = null) =>
            new("Transfer: Amelia is moving to Eastshire", "Transfer packet", "LegalDuty", "Working Together: transfer of a child in need",
                "WithinWorkingDays", 5, agencies ?? [], [], emails ?? [], [], packet);
        var empty = await UseAsync(s => s.GetRequiredService<SendShare>().RunAsync(priya, World.Amelia, Form(new TransferPacket(" ", null, null, null, true), [eastshire.Id])));
        Assert.Contains("OpenConcerns", empty.Error!.Fields.Keys);
        var personOnly = await UseAsync(s => s.GetRequiredService<SendShare>().RunAsync(priya, World.Amelia, Form(new TransferPacket("Neglect", null, null, null, true), emails: [jordan.Email])));
        Assert.Contains("AgencyIds", personOnly.Error!.Fields.Keys);

        var packet = new TransferPacket("Neglect: home conditions poor, attendance 71%", "Child in need plan, review due 5 January",
            "Priya Shah (social worker), Mrs Okoro (DSL at Kelbrook)", "Seen twice with an older boy in a blue Corsa near the station", true);
        var sent = await UseAsync(s => s.GetRequiredService<SendShare>().RunAsync(priya, World.Amelia, Form(packet, [eastshire.Id])));
        Assert.True(sent.Succeeded, sent.Error?.ToString());

        Assert.False(await UseAsync(s => s.GetRequiredService<ChildAccess>().CanSeeAsync(receiver, World.Amelia)));
        var opened = await UseAsync(s => s.GetRequiredService<OpenShare>().RunAsync(receiver, sent.Value));
        Assert.Equal(ShareKind.Transfer, opened.Value.Kind);
        Assert.Equal("Seen twice with an older boy in a blue Corsa near the station", opened.Value.Packet!.SoftIntelligence);
        var recipient = Assert.Single(opened.Value.Recipients);
        Assert.True(recipient.CanAnswer);

        Assert.True((await UseAsync(s => s.GetRequiredService<AcknowledgeShare>().RunAsync(receiver, sent.Value, recipient.Id))).Succeeded);
        Assert.True(await UseAsync(s => s.GetRequiredService<ChildAccess>().CanSeeAsync(receiver, World.Amelia)));
        await using var check = App.CreateContext();
        var involvement = await check.Involvements.AsNoTracking().SingleAsync(i => i.ChildId == World.Amelia && i.AgencyId == eastshire.Id);
        Assert.Equal(InvolvementRole.ReceivingAfterTransfer, involvement.Role);
        Assert.Contains(await check.ChronologyEvents.AsNoTracking().Where(e => e.ChildId == World.Amelia && e.Type == EventType.ShareAcknowledged).Select(e => e.Summary).ToListAsync(),
            s => s.Contains("now part of the team around the child"));
        Assert.Contains(await check.ChronologyEvents.AsNoTracking().Where(e => e.ChildId == World.Amelia && e.Type == EventType.InformationShared).Select(e => e.Summary).ToListAsync(),
            s => s.StartsWith("Transfer packet") && s.Contains("soft intelligence") && s.Contains("the chronology"));
    }

    private async Task<Guid> AgencyOfAsync(Guid practitionerId)
    {
        await using var db = App.CreateContext();
        return await db.Practitioners.Where(p => p.Id == practitionerId).Select(p => p.AgencyId).SingleAsync();
    }
}

public sealed class TransferOnSqlite(SqliteAppFactory app) : TransferTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class TransferOnPostgres(PostgresAppFactory app) : TransferTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
