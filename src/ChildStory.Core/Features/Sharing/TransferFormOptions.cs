using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Sharing;

/// <summary>What the transfer form offers: the child's name (for the packet's subject) and the schools and authorities to send it to.</summary>
public sealed record TransferFormView(Guid ChildId, string ChildName, IReadOnlyList<(Guid Id, string Name)> Agencies);

/// <summary>
/// Loads the transfer packet form for one child, for showing it and for sending it, only once need to know is
/// decided: a refused reader, an adult's id or an unknown id are all "not found", and nobody is named (issue 15).
/// </summary>
public sealed class TransferFormOptions(ChildStoryDbContext db, ChildAccess access)
{
    public async Task<Result<TransferFormView>> LoadAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var name = await db.People.AsNoTracking().Where(p => p.Id == childId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        return new TransferFormView(childId, name, agencies.Select(a => (a.Id, a.Name)).ToList());
    }
}
