using ChildStory.Data;
using ChildStory.Features.Chronology;
using ChildStory.Web.Security;

namespace ChildStory.Web.Api;

public static class EventsApi
{
    public sealed record Batch(IReadOnlyList<EventInput>? Items);

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/events").RequireAuthorization(SecurityServices.ApiPolicy).WithTags("Events");

        // The body is read item by item (EventBatch), so that a null or wrong-typed item is rejected on its own.
        api.MapPost("/batch", async (HttpRequest request, SubmitEvents submit, IActorAccessor actors, CancellationToken ct) =>
            {
                var read = EventBatch.Read(await ApiJson.ReadAsync(request, ct));
                return read.Succeeded ? (await submit.RunAsync(actors.Current, read.Value, ct)).Match(r => Results.Ok(r)) : read.Error!.ToProblem();
            })
            .Accepts<Batch>("application/json")
            .WithName("SubmitEventBatch")
            .WithSummary("Submit up to 10,000 events about children, each with an idempotency key")
            .WithDescription("Every item succeeds or fails on its own: the answer lists each item's outcome (created, duplicate or rejected) "
                + "and, for a rejected item, what is wrong with which field. Resending a batch creates nothing twice. Items are saved before "
                + "the answer is sent. The answer does not say which child an event was linked to.")
            .Produces<SubmitEvents.Outcome>()
            .ProducesValidationProblem();

        api.MapPost("/", async (HttpRequest request, SubmitEvents submit, IActorAccessor actors, CancellationToken ct) =>
            {
                var result = await submit.RunAsync(actors.Current, [EventBatch.ReadItem(await ApiJson.ReadAsync(request, ct))], ct);
                if (!result.Succeeded)
                {
                    return result.Error!.ToProblem();
                }
                var outcome = result.Value.Items[0];
                return outcome.Outcome switch
                {
                    "created" => Results.Created($"/api/v1/events/{outcome.EventId}", outcome),
                    "duplicate" => Results.Ok(outcome),
                    _ => Results.ValidationProblem(outcome.Errors!.ToDictionary(e => e.Key, e => e.Value), title: "The event has errors"),
                };
            })
            .Accepts<EventInput>("application/json")
            .WithName("SubmitEvent")
            .WithSummary("Submit one event about a child")
            .Produces<SubmitEvents.ItemOutcome>(StatusCodes.Status201Created)
            .Produces<SubmitEvents.ItemOutcome>()
            .ProducesValidationProblem();

        return app;
    }
}
