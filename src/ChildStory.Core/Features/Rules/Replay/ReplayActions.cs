using ChildStory.Domain.Casework;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Rules.Replay;

/// <summary>A scenario's agreed actions as replay steps: agreed at their time, done at theirs (or never), named by their key.</summary>
public static class ReplayActions
{
    public static IEnumerable<ReplayStep> Steps(ScenarioFile scenario, Func<string, Guid> id, Dictionary<Guid, string> names)
    {
        foreach (var a in scenario.Actions ?? [])
        {
            var actionId = id(a.Key);
            var owner = scenario.Agencies.Single(x => x.Key == a.Agency).Name;
            yield return new ReplayStep(a.AgreedAt, a.Child, (db, now, ct) =>
            {
                db.AgreedActions.Add(new AgreedAction(actionId, id(a.Child), null, null, a.Description, id(a.Agency), null, owner, a.Due, a.AgreedAt.ToUniversalTime()));
                names[actionId] = a.Key;
                return Task.CompletedTask;
            });
            if (a.DoneAt is { } done)
            {
                yield return new ReplayStep(done, a.Child, async (db, now, ct) =>
                {
                    var result = (await db.AgreedActions.SingleAsync(x => x.Id == actionId, ct)).Update(ActionStatus.Done, "Done (scenario)", DateOnly.FromDateTime(done.UtcDateTime));
                    if (!result.Succeeded)
                    {
                        throw new FormatException($"{a.Key}: {result.Error}");
                    }
                });
            }
        }
    }
}
