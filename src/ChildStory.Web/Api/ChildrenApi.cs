using ChildStory.Data;
using ChildStory.Features.Children;
using ChildStory.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Web.Api;

public static class ChildrenApi
{
    public static IEndpointRouteBuilder MapChildStoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(SecurityServices.ApiPolicy).WithTags("Children");

        api.MapGet("/children", async (string? name, string? dateOfBirth, string? nhsNumber, string? upn, SearchChildren search, IActorAccessor actors, CancellationToken ct) =>
                (await search.RunAsync(actors.Current, new SearchChildren.Query(name, dateOfBirth, nhsNumber, upn), ct: ct)).Match(r => Results.Ok(r)))
            .WithName("SearchChildren")
            .WithSummary("Find children your agency works with")
            .WithDescription("By name (tolerant of case, accents and spelling slips; aliases included), date of birth (yyyy-MM-dd or dd/MM/yyyy), NHS number or UPN. At least one is required. NHS numbers and UPNs are checked and a wrong one is a 400 naming the field.")
            .Produces<SearchChildren.Results>()
            .ProducesValidationProblem();

        api.MapGet("/children/{id:guid}", async (Guid id, GetChildRecord get, IActorAccessor actors, CancellationToken ct) =>
                (await get.RunAsync(actors.Current, id, ct)).Match(r => Results.Ok(r)))
            .WithName("GetChild")
            .WithSummary("A child's record: identity, family, household and the team around the child")
            .WithDescription("404 when the child does not exist or your agency does not work with the child.")
            .Produces<ChildRecord>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/agencies", async (ChildStoryDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
                    .Select(a => new AgencySummary(a.Id, a.Code, a.Name, a.Kind.ToString())).ToListAsync(ct)))
            .WithTags("Partnership")
            .WithName("ListAgencies")
            .WithSummary("The partnership's active agencies and their codes");

        return app;
    }

    public sealed record AgencySummary(Guid Id, string Code, string Name, string Kind);
}
