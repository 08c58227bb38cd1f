using ChildStory.Common;
using ChildStory.Features.Children;

namespace ChildStory.Features.Identity;

/// <summary>A child's merge page: the child, the records that may be the same child, and the merges already made.</summary>
public sealed record ChildMergesView(Guid ChildId, string ChildName, IReadOnlyList<IdentityQueries.Duplicate> Duplicates, IReadOnlyList<IdentityQueries.MergeRow> Merges);

/// <summary>
/// Loads the front door's merge page for one child, for showing it and for showing it again after an error: only the
/// front door merges, and the child is opened through need to know (audited) before anything about it is read.
/// </summary>
public sealed class ChildMerges(ChildHeading heading, IdentityQueries queries)
{
    public async Task<Result<ChildMergesView>> LoadAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.FrontDoor))
        {
            return Error.Forbidden("Only front door practitioners merge records");
        }
        var child = await heading.LoadAsync(actor, childId, ct);
        if (!child.Succeeded)
        {
            return child.Error!;
        }
        var duplicates = await queries.PossibleDuplicatesAsync(actor, childId, ct);
        if (!duplicates.Succeeded)
        {
            return duplicates.Error!;
        }
        return new ChildMergesView(childId, child.Value.ChildName, duplicates.Value, await queries.MergesAsync(childId, ct));
    }
}
