using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Education;
using ChildStory.Web.Security;

namespace ChildStory.Web.Api;

/// <summary>
/// Education from school systems: attendance (and the roll) in, per line; a child's education picture out (404 for a
/// child the caller's agency does not work with). Features/Education/README.md documents the columns.
/// </summary>
public static class EducationApi
{
    /// <summary>One attendance line as JSON: the CSV's columns, as strings, so that a bad value is reported against its column, not as unreadable JSON.</summary>
    public sealed record AttendanceItem(string? Upn, string? PeriodStart, string? PeriodEnd, string? PossibleSessions, string? AttendedSessions, string? OnRollFrom);

    public sealed record AttendanceBatch(IReadOnlyList<AttendanceItem>? Items);

    public static IEndpointRouteBuilder MapEducationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/education").RequireAuthorization(SecurityServices.ApiPolicy).WithTags("Education");

        api.MapPost("/attendance", async (AttendanceBatch batch, ImportAttendance import, IActorAccessor actors, CancellationToken ct) =>
            {
                var actor = actors.Current;
                if (actor.AgencyId is not { } school)
                {
                    return Error.Forbidden("Only a school's API client imports attendance").ToProblem();
                }
                if (batch.Items is not { Count: > 0 } items)
                {
                    return Error.Invalid("items", "Send at least one line in items").ToProblem();
                }
                var lines = items.Select((i, n) => new ImportAttendance.Line(n + 1, new Dictionary<string, string?>
                {
                    ["upn"] = i.Upn,
                    ["period_start"] = i.PeriodStart,
                    ["period_end"] = i.PeriodEnd,
                    ["possible_sessions"] = i.PossibleSessions,
                    ["attended_sessions"] = i.AttendedSessions,
                    ["on_roll_from"] = i.OnRollFrom,
                })).ToList();
                return (await import.RunAsync(actor, school, lines, ct)).Match(r => Results.Ok(r));
            })
            .WithName("ImportAttendance")
            .WithSummary("Import your pupils' attendance for a week or half-term, each line on its own")
            .WithDescription("Items carry the CSV's columns (upn, periodStart, periodEnd as yyyy-MM-dd, possibleSessions, attendedSessions, and onRollFrom to add a pupil to your roll). "
                + "The answer lists each line's outcome (created, updated, unchanged or rejected) with each column's problem; good lines are kept. Re-sending a period updates it.")
            .Produces<ImportAttendance.Outcome>()
            .ProducesValidationProblem();

        api.MapGet("/children/{id:guid}", async (Guid id, EducationPicture picture, IActorAccessor actors, CancellationToken ct) =>
                (await picture.ForChildAsync(actors.Current, id, ct)).Match(r => Results.Ok(r)))
            .WithName("GetChildEducation")
            .WithSummary("A child's education: roll, attendance, provision, EHC plan, exclusions, home education and transport")
            .WithDescription("404 when the child does not exist or your agency does not work with the child.")
            .Produces<EducationPictureView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}
