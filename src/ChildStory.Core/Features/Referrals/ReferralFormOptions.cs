using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Referrals;

/// <summary>What the referral form offers for one child: the child's name and the services that take referrals now.</summary>
public sealed record ReferralFormView(Guid ChildId, string ChildName, IReadOnlyList<(Guid Id, string Name)> Services);

/// <summary>Loads the referral form for one child, for showing it and for showing it again after an error, once need to know is decided.</summary>
public sealed class ReferralFormOptions(ChildStoryDbContext db, ChildAccess access)
{
    public async Task<Result<ReferralFormView>> LoadAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var name = await db.People.AsNoTracking().Where(p => p.Id == childId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var services = await db.ReferralServices.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return new ReferralFormView(childId, name, services.Select(s => (s.Id, s.Name)).ToList());
    }
}
