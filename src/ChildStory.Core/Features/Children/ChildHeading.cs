using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Access;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Children;

/// <summary>What a page about one child shows above its form or list: the child's name, and on what basis the reader sees it.</summary>
public sealed record ChildHeadingView(Guid ChildId, string ChildName, AccessBasis Basis)
{
    /// <summary>Whether the reader may record work with the child (need to know through involvement or the front door, not broken glass).</summary>
    public bool CanWork(Actor actor) => actor.PractitionerId is not null && Basis is AccessBasis.Involvement or AccessBasis.FrontDoor;
}

/// <summary>
/// The heading of a page about one child, read only after need to know is decided: a page never reads a child's name
/// itself, so a form shown again after a validation error cannot name a child the reader may not see (issue 15).
/// </summary>
public sealed class ChildHeading(ChildStoryDbContext db, ChildAccess access, CaseworkAccess casework)
{
    /// <summary>For a page that reads about the child: anyone with need to know, including broken glass.</summary>
    public async Task<Result<ChildHeadingView>> LoadAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        return opened.Succeeded ? await ViewAsync(childId, opened.Value, ct) : opened.Error!;
    }

    /// <summary>For a form that records work with the child: the same rule as the use cases that save it (<see cref="CaseworkAccess"/>).</summary>
    public async Task<Result<ChildHeadingView>> LoadForWorkAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await casework.OpenForWorkAsync(actor, childId, ct);
        return opened.Succeeded ? await ViewAsync(childId, opened.Value, ct) : opened.Error!;
    }

    private async Task<ChildHeadingView> ViewAsync(Guid childId, AccessBasis basis, CancellationToken ct)
    {
        var name = await db.People.AsNoTracking().Where(p => p.Id == childId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        return new ChildHeadingView(childId, name, basis);
    }
}
