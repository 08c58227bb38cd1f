using System.Text.Json;
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

        api.MapPost("/attendance", async (HttpRequest request, ImportAttendance import, IActorAccessor actors, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync(request, ct);
                var actor = actors.Current;
                if (actor.AgencyId is not { } school)
                {
                    return Error.Forbidden("Only a school's API client imports attendance").ToProblem();
                }
                var items = body.ValueKind == JsonValueKind.Object
                    ? body.EnumerateObject().LastOrDefault(p => string.Equals(p.Name, "items", StringComparison.OrdinalIgnoreCase)).Value
                    : default;
                if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
                {
                    return Error.Invalid("items", "Send an object {\"items\": [...]} with at least one line in items").ToProblem();
                }
                var lines = items.EnumerateArray().Select((item, n) => AttendanceJson.Read(item, n + 1)).ToList();
                return (await import.RunAsync(actor, school, lines, ct)).Match(r => Results.Ok(r));
            })
            .Accepts<AttendanceBatch>("application/json")
            .WithName("ImportAttendance")
            .WithSummary("Import your pupils' attendance for a week or half-term, each line on its own")
            .WithDescription("Items carry the CSV's columns (upn, periodStart, periodEnd as yyyy-MM-dd, possibleSessions, attendedSessions, and onRollFrom to add a pupil to your roll). "
                + "The answer lists each line's outcome (created, updated, unchanged or rejected) with each column's problem; good lines are kept, "
                + "and a null or unreadable item is rejected at its line, naming the column. Re-sending a period updates it.")
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
