using ChildStory.Data;
using ChildStory.Features.Mapping;
using ChildStory.Features.Meetings;
using ChildStory.Features.Plans;
using ChildStory.Features.Timescales;
using ChildStory.Web.Security;

namespace ChildStory.Web.Api;

/// <summary>
/// The team around the child for agencies' systems: a child's plans, meetings and statutory clocks, read-only, for
/// children the calling agency works with (anyone else's child is a 404, as for the record). Visits and attempts are
/// sent as events (HomeVisit, Visit, ContactAttempt with child_seen, child_seen_alone, bedroom_seen) to /events.
/// </summary>
public static class CaseworkApi
{
    public static IEndpointRouteBuilder MapCaseworkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/children/{id:guid}").RequireAuthorization(SecurityServices.ApiPolicy).WithTags("Team around the child");

        api.MapGet("/plans", async (Guid id, PlanQueries plans, IActorAccessor actors, CancellationToken ct) =>
                (await plans.ForChildAsync(actors.Current, id, ct)).Match(r => Results.Ok(r)))
            .WithName("GetChildPlans")
            .WithSummary("A child's plans, with their review dates, open and overdue actions, and whether the child's and family's views are recorded")
            .Produces<List<PlanSummary>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/meetings", async (Guid id, MeetingQueries meetings, IActorAccessor actors, CancellationToken ct) =>
                (await meetings.ForChildAsync(actors.Current, id, ct)).Match(r => Results.Ok(r)))
            .WithName("GetChildMeetings")
            .WithSummary("Meetings about a child: when, notice given, reports received, outcome")
            .Produces<List<MeetingSummary>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/timescales", async (Guid id, TimescaleQueries timescales, IActorAccessor actors, CancellationToken ct) =>
                (await timescales.ForChildAsync(actors.Current, id, ct)).Match(r => Results.Ok(r.Clocks)))
            .WithName("GetChildTimescales")
            .WithSummary("A child's statutory clocks: due (and how that was worked out), met, late with the reason, or stopped")
            .Produces<IReadOnlyList<ClockView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/differences", async (Guid id, Features.Escalation.DifferenceQueries differences, IActorAccessor actors, CancellationToken ct) =>
                (await differences.ForChildAsync(actors.Current, id, ct)).Match(r => Results.Ok(r)))
            .WithName("GetChildDifferences")
            .WithSummary("Professional differences (escalations) about a child: who raised them with whom, the stage reached, when an answer is due, resolved or not")
            .Produces<List<Features.Escalation.DifferenceRow>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var exploitation = app.MapGroup("/api/v1/children/{id:guid}").RequireAuthorization(SecurityServices.ApiPolicy).WithTags("Exploitation");
        exploitation.MapGet("/network", async (Guid id, int? depth, bool? ended, PeerNetwork network, IActorAccessor actors, CancellationToken ct) =>
                (await network.LoadAsync(actors.Current, id, depth ?? 2, ended ?? false, ct)).Match(Results.Ok))
            .WithName("GetChildNetwork")
            .WithSummary("A child's peers, places and the people around them to depth two (depth=1 for the child's own links), named by the partnership's policy; "
                + "restricted links only for the agency holding them, others counted with whom to ask")
            .Produces<NetworkView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}
