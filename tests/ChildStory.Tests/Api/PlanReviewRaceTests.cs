using System.Net;
using ChildStory.Common;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Plans;
using ChildStory.Tests.Infrastructure;
using ChildStory.Tests.TeamAroundChild;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.Api;

/// <summary>
/// Issue 15, finding 9: two people reviewing one plan at the same moment. Both requests read the plan and its next
/// revision number before either saves (the hook holds each at that read until both have made it); one review is
/// recorded, the other reviewer is told someone else reviewed the plan just now, and nothing of theirs is half saved.
/// </summary>
public abstract class PlanReviewRaceTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : HookedAppFactory
{
    private const string Refused = "Someone else reviewed or changed this plan just now";

    private async Task<Guid> PlanForAmeliaAsync()
    {
        Actor worker;
        await using (var db = App.CreateContext())
        {
            var p = await db.Practitioners.AsNoTracking().SingleAsync(x => x.Email == World.SocialWorkerEmail);
            worker = new Actor(ActorKind.User, Guid.NewGuid(), "Priya Shah", p.Id, p.AgencyId, p.TeamId, new HashSet<string> { Roles.Practitioner });
        }
        await using var scope = App.Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<StartPlan>().RunAsync(worker, World.Amelia,
            Partnership.Plan(PlanKind.TeamAroundTheChild, new DateOnly(2026, 11, 2), worker));
        Assert.True(started.Succeeded, started.Error?.ToString());
        return started.Value;
    }

    [Fact]
    public async Task Two_reviews_at_once_record_one_and_tell_the_other_reviewer_nothing_was_saved()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero);
        var plan = await PlanForAmeliaAsync();
        var first = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var second = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        Dictionary<string, string> Review(string words) => new()
        {
            ["ReviewedOn"] = "16/11/2026",
            ["NextReviewOn"] = "16/2/2027",
            ["ReviewProgress"] = words,
        };

        var arrived = 0;
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        App.Hook.AfterRead = async command =>
        {
            if (command.CommandText.Contains("max(", StringComparison.OrdinalIgnoreCase) && command.CommandText.Contains("PlanRevisions", StringComparison.Ordinal))
            {
                if (Interlocked.Increment(ref arrived) == 2)
                {
                    both.TrySetResult();
                }
                await both.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
        };
        HttpResponseMessage[] responses;
        try
        {
            responses = await Task.WhenAll(
                first.PostFormAsync($"/plans/{plan}?handler=Review", Review("First reviewer: attending school"), $"/plans/{plan}"),
                second.PostFormAsync($"/plans/{plan}?handler=Review", Review("Second reviewer: settled at home"), $"/plans/{plan}"));
        }
        finally
        {
            App.Hook.AfterRead = null;
        }

        Assert.Equal(2, arrived);
        var pages = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(pages, p => p.Contains("Review recorded.", StringComparison.Ordinal));
        Assert.Single(pages, p => p.Contains(Refused, StringComparison.Ordinal));

        await using var db = App.CreateContext();
        var review = Assert.Single(await db.PlanReviews.AsNoTracking().Where(r => r.PlanId == plan).ToListAsync());
        Assert.Contains(review.ProgressSummary, new[] { "First reviewer: attending school", "Second reviewer: settled at home" });
        Assert.Equal([1, 2], await db.PlanRevisions.AsNoTracking().Where(r => r.PlanId == plan).OrderBy(r => r.Number).Select(r => r.Number).ToListAsync());
        Assert.Single(await db.ChronologyEvents.AsNoTracking().Where(e => e.ChildId == World.Amelia && e.Type == EventType.PlanReviewed).ToListAsync());
    }
}

public sealed class PlanReviewRaceOnSqlite(SqliteHookedAppFactory app) : PlanReviewRaceTests<SqliteHookedAppFactory>(app), IClassFixture<SqliteHookedAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PlanReviewRaceOnPostgres(PostgresHookedAppFactory app) : PlanReviewRaceTests<PostgresHookedAppFactory>(app), IClassFixture<PostgresHookedAppFactory>;
