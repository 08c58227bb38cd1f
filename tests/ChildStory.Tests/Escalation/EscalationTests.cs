using ChildStory.Common;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Escalation;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Features.Access;
using ChildStory.Features.Escalation;
using ChildStory.Tests.Infrastructure;
using ChildStory.Tests.TeamAroundChild;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChildStory.Tests.TeamAroundChild.Partnership;

namespace ChildStory.Tests.Escalation;

/// <summary>
/// Resolution of professional differences through its handlers: the bypass for immediate risk, raising with the
/// evidence, the subject agency reading (and answering) a difference about it without seeing the child's record,
/// outsiders told it does not exist, moving up early and after silence, resolution, and the prompts where things are stuck.
/// </summary>
public abstract class EscalationTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private Partnership Parties => new(App);

    private async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> run)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider);
    }

    private static Actor AsManager(Actor a) => a with { Roles = new HashSet<string> { Roles.Practitioner, Roles.Manager } };

    private sealed record Setup(Guid Child, Actor SocialWorker, Actor Nurse, Actor Officer, Actor Outsider, TeamAroundChild.Org Police, TeamAroundChild.Org Csc);

    /// <summary>A child with social care and school nursing in the team; the police and a hospital are not in it.</summary>
    private async Task<Setup> SetUpAsync()
    {
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var nursing = await Parties.AgencyAsync("School nursing", AgencyKind.SchoolNursing);
        var police = await Parties.AgencyAsync("Police", AgencyKind.Police);
        var hospital = await Parties.AgencyAsync("Hospital", AgencyKind.AcuteHospital);
        var sw = await Parties.WorkerAsync(csc, "Sian", "Walker");
        var nurse = await Parties.WorkerAsync(nursing, "Nia", "Hughes");
        var officer = await Parties.WorkerAsync(police, "Owen", "Price");
        var outsider = await Parties.WorkerAsync(hospital, "Hana", "Ito");
        var child = await Parties.ChildAsync("Bea");
        await Parties.InvolveAsync(child, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        await Parties.InvolveAsync(child, nurse, InvolvementRole.SchoolNurse);
        return new Setup(child, sw, nurse, officer, outsider, police, csc);
    }

    private static RaiseForm Form(Guid agency, string? from = null) => new(false, "No police report after the incident Bea witnessed", agency, "PC Price",
        "Bea witnessed a serious assault and nobody has assessed the harm to her", "A police report to children's services within a day", from);

    private Task<Result<Guid>> RaiseAsync(Actor actor, Guid child, RaiseForm form) => UseAsync(s => s.GetRequiredService<RaiseDifference>().RunAsync(actor, child, form));

    private async Task<ProfessionalDifference> LoadAsync(Guid id)
    {
        await using var db = App.CreateContext();
        return await db.ProfessionalDifferences.AsNoTracking().Include(d => d.Stages).SingleAsync(d => d.Id == id);
    }

    private async Task<List<EventType>> StoryAsync(Guid child)
    {
        await using var db = App.CreateContext();
        return await db.ChronologyEvents.AsNoTracking().Where(e => e.ChildId == child).OrderBy(e => e.ReceivedAt).Select(e => e.Type).ToListAsync();
    }

    [Fact]
    public async Task Immediate_risk_bypasses_the_process_saving_nothing_and_auditing_the_urgent_route()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var s = await SetUpAsync();
        var urgent = await RaiseAsync(s.SocialWorker, s.Child, Form(s.Police.AgencyId) with { ImmediateRisk = true });
        Assert.Equal(ErrorKind.Validation, urgent.Error!.Kind);
        Assert.Contains("999", urgent.Error.Fields["ImmediateRisk"][0]);
        var unanswered = await RaiseAsync(s.SocialWorker, s.Child, Form(s.Police.AgencyId) with { ImmediateRisk = null });
        Assert.Equal(["ImmediateRisk"], unanswered.Error!.Fields.Keys);
        Assert.True((await UseAsync(x => x.GetRequiredService<RaiseDifference>().BypassAsync(s.SocialWorker, s.Child))).Succeeded);

        await using var db = App.CreateContext();
        Assert.False(await db.ProfessionalDifferences.AnyAsync(d => d.ChildId == s.Child));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.ChildId == s.Child && a.Action == AuditActions.DifferenceBypassedForImmediateRisk));
    }

    [Fact]
    public async Task A_difference_with_missing_parts_names_each_and_saves_nothing()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var s = await SetUpAsync();
        var empty = await RaiseAsync(s.SocialWorker, s.Child, new RaiseForm(false, " ", null, null, "", null, "share:" + Guid.NewGuid()));
        Assert.Equal(["Concerns", "From", "OutcomeSought", "SubjectAgencyId", "WhyItMatters"], empty.Error!.Fields.Keys.Order());
        var own = await RaiseAsync(s.SocialWorker, s.Child, Form(s.Csc.AgencyId));
        Assert.Equal(["SubjectAgencyId"], own.Error!.Fields.Keys);
        Assert.Equal(ErrorKind.NotFound, (await RaiseAsync(s.Outsider, s.Child, Form(s.Police.AgencyId))).Error!.Kind);
        await using var db = App.CreateContext();
        Assert.False(await db.ProfessionalDifferences.AnyAsync(d => d.ChildId == s.Child));
    }

    [Fact]
    public async Task The_subject_agency_reads_and_answers_the_difference_but_not_the_child_record_and_outsiders_are_told_it_does_not_exist()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0); // Monday
        var s = await SetUpAsync();
        var raised = await RaiseAsync(s.SocialWorker, s.Child, Form(s.Police.AgencyId));
        Assert.True(raised.Succeeded, raised.Error?.ToString());
        var d = await LoadAsync(raised.Value);
        Assert.Equal(1, d.CurrentStage);
        Assert.Equal(new DateOnly(2026, 11, 23), DateOnly.FromDateTime(d.Stages.Single().DueAt.UtcDateTime));
        Assert.Contains(EventType.DifferenceRaised, await StoryAsync(s.Child));

        // The police are not in the team: they open the difference raised about them, never the child's record.
        var police = await UseAsync(x => x.GetRequiredService<DifferenceQueries>().DetailAsync(s.Officer, d.Id));
        Assert.True(police.Succeeded);
        Assert.False(police.Value.CanSeeChild);
        Assert.True(police.Value.CanRespond);
        Assert.Equal(ErrorKind.NotFound, (await UseAsync(x => x.GetRequiredService<ChildAccess>().OpenAsync(s.Officer, s.Child))).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await UseAsync(x => x.GetRequiredService<DifferenceQueries>().ForChildAsync(s.Officer, s.Child))).Error!.Kind);
        // The team around the child reads it too; someone outside both is told it does not exist, and that is audited.
        Assert.True((await UseAsync(x => x.GetRequiredService<DifferenceQueries>().DetailAsync(s.Nurse, d.Id))).Succeeded);
        Assert.Equal(ErrorKind.NotFound, (await UseAsync(x => x.GetRequiredService<DifferenceQueries>().DetailAsync(s.Outsider, d.Id))).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await UseAsync(x => x.GetRequiredService<RespondToStage>().RunAsync(s.Outsider, d.Id,
            new ResponseForm(StageAnswer.Agreed, "x", "y")))).Error!.Kind);
        await using (var db = App.CreateContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.DifferenceAccessDenied && a.Subject == $"ProfessionalDifference:{d.Id}"));
        }
        // The police's practitioners hear about it; the mine page lists it as awaiting their answer.
        var mine = await UseAsync(x => x.GetRequiredService<DifferenceQueries>().MineAsync(s.Officer));
        Assert.Contains(mine.AwaitingMyResponse, r => r.Id == d.Id);

        // Only the subject agency answers, in writing, field by field.
        Assert.Equal(ErrorKind.Forbidden, (await UseAsync(x => x.GetRequiredService<RespondToStage>().RunAsync(s.Nurse, d.Id,
            new ResponseForm(StageAnswer.Agreed, "x", "y")))).Error!.Kind);
        var blank = await UseAsync(x => x.GetRequiredService<RespondToStage>().RunAsync(s.Officer, d.Id, new ResponseForm(null, "", " ")));
        Assert.Equal(["Answer", "Outcome", "Reply"], blank.Error!.Fields.Keys.Order());
        Assert.True((await UseAsync(x => x.GetRequiredService<RespondToStage>().RunAsync(s.Officer, d.Id,
            new ResponseForm(StageAnswer.Disagreed, "The incident log went to the front door", "No further action")))).Succeeded);
        var again = await UseAsync(x => x.GetRequiredService<RespondToStage>().RunAsync(s.Officer, d.Id, new ResponseForm(StageAnswer.Agreed, "x", "y")));
        Assert.Equal(ErrorKind.Conflict, again.Error!.Kind);
        Assert.Contains(EventType.DifferenceResponded, await StoryAsync(s.Child));
    }

    [Fact]
    public async Task Moving_up_early_needs_a_reason_a_silent_stage_is_raised_once_and_moves_up_without_one_and_resolution_records_what_changed()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var s = await SetUpAsync();
        var id = (await RaiseAsync(s.SocialWorker, s.Child, Form(s.Police.AgencyId))).Value;
        Task<Result<bool>> MoveAsync(Actor a, string? reason) => UseAsync(x => x.GetRequiredService<MoveUp>().RunAsync(a, id, reason));

        var noReason = await MoveAsync(s.SocialWorker, null);
        Assert.Equal(["Reason"], noReason.Error!.Fields.Keys);
        Assert.Equal(ErrorKind.Forbidden, (await MoveAsync(s.Nurse, "not mine")).Error!.Kind);
        var early = await MoveAsync(s.SocialWorker, "Bea is being targeted again this week");
        Assert.True(early.Succeeded, early.Error?.Title);
        var d = await LoadAsync(id);
        Assert.Equal(2, d.CurrentStage);
        Assert.True(d.Stages.Single(x => x.Number == 1).MovedUpEarly);

        // Stage 2 is manager to manager: a police practitioner cannot answer it, a police manager can.
        Assert.Equal(ErrorKind.Forbidden, (await UseAsync(x => x.GetRequiredService<RespondToStage>().RunAsync(s.Officer, id,
            new ResponseForm(StageAnswer.Agreed, "x", "y")))).Error!.Kind);

        // Silence past the due time: the raiser (and their manager) are told once, and may move up without a reason.
        App.Clock.Now = Utc(2026, 11, 30, 10, 0);
        Assert.True(await UseAsync(x => x.GetRequiredService<ChaseDifferences>().RunAsync()) >= 1);
        var toldAgain = await UseAsync(x => x.GetRequiredService<ChaseDifferences>().RunAsync());
        await using (var db = App.CreateContext())
        {
            Assert.Equal(1, await db.Notifications.CountAsync(n => n.PractitionerId == s.SocialWorker.PractitionerId && n.Link == $"/differences/{id}" && n.Title.Contains("not answered")));
        }
        Assert.Contains(EventType.DifferenceStageOverdue, await StoryAsync(s.Child));
        Assert.True((await MoveAsync(s.SocialWorker, null)).Succeeded);
        d = await LoadAsync(id);
        Assert.Equal(3, d.CurrentStage);
        Assert.False(d.Stages.Single(x => x.Number == 2).MovedUpEarly);
        Assert.True((await UseAsync(x => x.GetRequiredService<RespondToStage>().RunAsync(AsManager(s.Officer), id,
            new ResponseForm(StageAnswer.Agreed, "We will send the report today", "Report sent by 5pm")))).Succeeded);

        Task<Result<bool>> ResolveAsync(Actor a, ResolutionForm f) => UseAsync(x => x.GetRequiredService<ResolveDifference>().RunAsync(a, id, f));
        Assert.Equal(["ChangeForChild"], (await ResolveAsync(s.SocialWorker, new ResolutionForm("Report received", " "))).Error!.Fields.Keys);
        Assert.Equal(ErrorKind.Forbidden, (await ResolveAsync(s.Nurse, new ResolutionForm("x", "y"))).Error!.Kind);
        Assert.True((await ResolveAsync(s.SocialWorker, new ResolutionForm("The police report arrived", "A strategy discussion was held and Bea has a trauma-informed plan"))).Succeeded);
        Assert.Equal(ErrorKind.Conflict, (await ResolveAsync(s.Officer, new ResolutionForm("x", "y"))).Error!.Kind);
        Assert.Equal(ErrorKind.Conflict, (await MoveAsync(s.SocialWorker, "more")).Error!.Kind);
        d = await LoadAsync(id);
        Assert.Equal(DifferenceStatus.Resolved, d.Status);
        Assert.Equal("A strategy discussion was held and Bea has a trauma-informed plan", d.ChangeForChild);
        Assert.Contains(EventType.DifferenceResolved, await StoryAsync(s.Child));
        Assert.Equal(0, toldAgain);
    }

    [Fact]
    public async Task An_overdue_action_is_offered_for_escalation_pre_filled_and_counts_towards_under_use_until_a_difference_is_raised()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var s = await SetUpAsync();
        var mentoring = await Parties.AgencyAsync("Mentoring project", AgencyKind.VoluntarySector);
        var action = new AgreedAction(Guid.NewGuid(), s.Child, null, null, "Provide a specialist mentor", mentoring.AgencyId, null, mentoring.Name,
            new DateOnly(2026, 11, 2), Utc(2026, 10, 20, 10, 0));
        await using (var db = App.CreateContext())
        {
            db.AgreedActions.Add(action);
            await db.SaveChangesAsync();
        }
        var stuck = (await UseAsync(x => x.GetRequiredService<StuckItems>().ForChildAsync(s.SocialWorker, s.Child))).Value;
        var item = Assert.Single(stuck, i => i.Kind == StuckKind.ActionOverdue);
        Assert.Equal($"action:{action.Id}", item.From);
        Assert.False(item.DifferenceRaised);
        Assert.Equal(ErrorKind.NotFound, (await UseAsync(x => x.GetRequiredService<StuckItems>().ForChildAsync(s.Outsider, s.Child))).Error!.Kind);

        var lead = AsManager(s.SocialWorker);
        var before = (await UseAsync(x => x.GetRequiredService<PartnershipLearning>().RunAsync(lead, null, null))).Value;
        Assert.Equal(ErrorKind.Forbidden, (await UseAsync(x => x.GetRequiredService<PartnershipLearning>().RunAsync(s.Nurse, null, null))).Error!.Kind);

        var prefill = await UseAsync(x => x.GetRequiredService<DifferenceQueries>().PrefillAsync(s.Child, item.From));
        Assert.Equal(mentoring.AgencyId, prefill!.AgencyId);
        Assert.Contains("Provide a specialist mentor", prefill.Text);
        var raised = await RaiseAsync(s.SocialWorker, s.Child, Form(mentoring.AgencyId, item.From));
        Assert.True(raised.Succeeded);
        var d = await LoadAsync(raised.Value);
        Assert.Equal(DifferenceLink.PlanAction, d.Link);
        Assert.Equal(action.Id, d.LinkId);

        stuck = (await UseAsync(x => x.GetRequiredService<StuckItems>().ForChildAsync(s.SocialWorker, s.Child))).Value;
        Assert.True(Assert.Single(stuck, i => i.Kind == StuckKind.ActionOverdue).DifferenceRaised);
        var after = (await UseAsync(x => x.GetRequiredService<PartnershipLearning>().RunAsync(lead, null, null))).Value;
        Assert.Equal(before.ChildrenStuckWithoutDifference - 1, after.ChildrenStuckWithoutDifference);
        Assert.Equal(before.Raised + 1, after.Raised);
        Assert.Contains(after.Subjects, c => c.Label == PartnershipLearning.Describe(DifferenceLink.PlanAction) && c.Value >= 1);
        var csv = PartnershipLearning.Csv(after);
        Assert.StartsWith("Section,Measure,Value", csv);
        Assert.Contains("\"Under-use\",\"Children with stuck items and no difference raised\"", csv);
    }

    [Fact]
    public async Task Through_the_pages_the_bypass_stops_the_form_the_police_answer_a_difference_about_them_and_everyone_else_gets_404()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        Guid policeAgency;
        await using (var db = App.CreateContext())
        {
            policeAgency = await db.Practitioners.Where(p => p.Email == World.PoliceEmail).Select(p => p.AgencyId).SingleAsync();
        }
        var child = World.Amelia;
        // An "escalation-offered" alert links to the raise form, which is pre-filled with its evidence.
        var alert = new Domain.Rules.Alert(Guid.NewGuid(), child, Features.Rules.Library.EscalationOffered.RuleId, 1, "test|" + Guid.NewGuid(), App.Clock.Now,
            "Something is stuck: raise a professional difference", "The referral to the mentoring project is waiting past its target", "Raise a professional difference", "[]",
            Domain.Rules.AlertAudience.LeadProfessional);
        await using (var db = App.CreateContext())
        {
            db.Alerts.Add(alert);
            await db.SaveChangesAsync();
        }
        var priya = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        Assert.Contains($"/children/{child}/differences/new?alert={alert.Id}", await priya.GetPageAsync($"/alerts/{alert.Id}"));
        Assert.Contains("waiting past its target", await priya.GetPageAsync($"/children/{child}/differences/new?alert={alert.Id}"));
        var stuckPage = await priya.GetPageAsync($"/children/{child}/differences");
        Assert.Contains("Raise a professional difference", stuckPage);
        Assert.Contains($"from=alert%3A{alert.Id}", stuckPage);
        Assert.Contains($"/children/{child}/differences", await priya.GetPageAsync($"/children/{child}"));
        var raisePage = $"/children/{child}/differences/new";

        var urgent = await (await priya.PostFormAsync(raisePage + "?handler=Risk", new() { ["ImmediateRisk"] = "yes" }, raisePage)).Content.ReadAsStringAsync();
        Assert.Contains("999", urgent);
        Assert.Contains($"/children/{child}/meetings/new?type=StrategyDiscussion", urgent);
        Assert.DoesNotContain("Which agency is it with?", urgent);
        Assert.Contains("Which agency is it with?", await (await priya.PostFormAsync(raisePage + "?handler=Risk", new() { ["ImmediateRisk"] = "no" }, raisePage)).Content.ReadAsStringAsync());
        var empty = await (await priya.PostFormAsync(raisePage, new() { ["ImmediateRisk"] = "no" })).Content.ReadAsStringAsync();
        Assert.Contains("Say what decision, action or inaction you disagree with", empty);
        Assert.Contains("Choose the agency the difference is with", empty);
        await using (var db = App.CreateContext())
        {
            Assert.False(await db.ProfessionalDifferences.AnyAsync(d => d.ChildId == child));
        }
        var raised = await priya.PostFormAsync(raisePage, new()
        {
            ["ImmediateRisk"] = "no",
            ["Concerns"] = "No police report after Amelia witnessed an assault",
            ["SubjectAgencyId"] = policeAgency.ToString(),
            ["WhyItMatters"] = "Nobody has assessed the harm to her",
            ["OutcomeSought"] = "A report to children's services today",
        });
        var path = raised.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/differences/", path);

        // The police are not in Amelia's team: they read and answer the difference, never her record.
        var dan = await WebSession.SignInAsync(App, World.PoliceEmail);
        Assert.Contains("Respond to stage 1", await dan.GetPageAsync(path));
        Assert.Contains(path, await dan.GetPageAsync("/differences"));
        await dan.GetPageAsync($"/children/{child}", System.Net.HttpStatusCode.NotFound);
        await dan.GetPageAsync($"/children/{child}/differences", System.Net.HttpStatusCode.NotFound);
        await dan.GetPageAsync(raisePage, System.Net.HttpStatusCode.NotFound);
        var answered = await (await dan.PostFormAsync(path + "?handler=Respond", new() { ["Answer"] = "Disagreed", ["Reply"] = "It went to the front door", ["Outcome"] = "No further action" }, path))
            .Content.ReadAsStringAsync();
        Assert.Contains("Your response is recorded", answered);

        // A social worker in another team, outside Amelia's team, is told none of it exists.
        var lewis = await WebSession.SignInAsync(App, World.OtherTeamEmail);
        await lewis.GetPageAsync(path, System.Net.HttpStatusCode.NotFound);
        await lewis.GetPageAsync($"/children/{child}/differences", System.Net.HttpStatusCode.NotFound);
        await lewis.GetPageAsync(raisePage, System.Net.HttpStatusCode.NotFound);
        await lewis.GetPageAsync($"/differences/{Guid.NewGuid()}", System.Net.HttpStatusCode.NotFound);
        Assert.DoesNotContain(path, await lewis.GetPageAsync("/differences"));

        // The API: the team's agency reads them; another agency's system gets 404.
        using var social = App.CreateClient();
        social.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", World.SocialCareApiKey);
        Assert.Contains(path.Split('/')[2], await social.GetStringAsync($"/api/v1/children/{child}/differences"));
        using var police = App.CreateClient();
        police.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", World.PoliceApiKey);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await police.GetAsync($"/api/v1/children/{child}/differences")).StatusCode);

        // The partnership's learning: managers and partnership leads only, with charts and a CSV for the board.
        await priya.GetPageAsync("/partnership/differences", System.Net.HttpStatusCode.NotFound);
        var morgan = await WebSession.SignInAsync(App, World.ManagerEmail, totpKey: await Scenario.EnableTwoFactorAsync(App.Services, World.ManagerEmail));
        var learning = await morgan.GetPageAsync("/partnership/differences");
        Assert.Contains("<svg", learning);
        Assert.True(learning.Contains("no difference raised"), learning[learning.IndexOf("<main", StringComparison.Ordinal)..]);
        var csv = await morgan.GetAsync("/partnership/differences?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Raised with agency", await csv.Content.ReadAsStringAsync());
        Assert.Contains("must be a real date", await morgan.GetPageAsync("/partnership/differences?from=31/2/2026"));
    }
}

public sealed class EscalationOnSqlite(SqliteAppFactory app) : EscalationTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class EscalationOnPostgres(PostgresAppFactory app) : EscalationTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
