using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Partnership;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Access;

public enum AccessBasis
{
    None,
    System,
    FrontDoor,
    Involvement,
    GlassBreak,

    /// <summary>
    /// A party to one object about the child — invited to a meeting in person or through their team, a named
    /// recipient of a share — who may open that object though not the child's whole record.
    /// </summary>
    Party,
}

/// <summary>
/// Need to know: may this actor see this child? A practitioner may when their agency — or, in children's social
/// care, their team — works with the child now or did within the recent window; when they work at the front door;
/// or while a broken-glass grant lasts. API clients see what their agency works with. See README.md.
/// </summary>
public sealed class ChildAccess(ChildStoryDbContext db, IOptions<AccessOptions> options)
{
    private readonly AccessOptions _options = options.Value;

    public async Task<AccessBasis> BasisAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        if (actor.Kind == ActorKind.System)
        {
            return AccessBasis.System;
        }
        var scope = await ScopeAsync(actor, ct);
        if (scope.FrontDoor)
        {
            return AccessBasis.FrontDoor;
        }
        if (scope.AgencyId is null)
        {
            return AccessBasis.None;
        }
        if (await Involved(scope).AnyAsync(id => id == childId, ct))
        {
            return AccessBasis.Involvement;
        }
        if (actor.PractitionerId is { } practitionerId)
        {
            var now = db.Time.GetUtcNow();
            var glass = await db.GlassBreaks.AnyAsync(g => g.PractitionerId == practitionerId && g.ChildId == childId && g.ExpiresAt > now && g.GrantedAt <= now, ct);
            if (glass)
            {
                return AccessBasis.GlassBreak;
            }
        }
        return AccessBasis.None;
    }

    /// <summary>
    /// Opens a child's data for reading: the basis of access, or "not found" — the same answer as for an id that
    /// does not exist — with the refused attempt audited. Every page and endpoint that shows a child's data starts here.
    /// </summary>
    public async Task<Result<AccessBasis>> OpenAsync(Actor actor, Guid childId, CancellationToken ct = default) =>
        await OpenAsync(actor, childId, await db.People.AnyAsync(p => p.Id == childId && p.IsChild, ct), ct);

    /// <summary>As <see cref="OpenAsync(Actor, Guid, CancellationToken)"/>, for a caller that has already read whether the child exists.</summary>
    public async Task<Result<AccessBasis>> OpenAsync(Actor actor, Guid childId, bool exists, CancellationToken ct = default)
    {
        var basis = exists ? await BasisAsync(actor, childId, ct) : AccessBasis.None;
        if (basis != AccessBasis.None)
        {
            return basis;
        }
        if (exists)
        {
            db.Audit(Domain.Audit.AuditActions.ChildAccessDenied, childId);
            await db.SaveChangesAsync(ct);
        }
        return Error.NotFound("Child");
    }

    public async Task<bool> CanSeeAsync(Actor actor, Guid childId, CancellationToken ct = default) =>
        await BasisAsync(actor, childId, ct) != AccessBasis.None;

    /// <summary>
    /// The ids of every child the actor may see, as a query to compose into searches and lists (null means all:
    /// the system and the front door).
    /// </summary>
    public async Task<IQueryable<Guid>?> VisibleChildIdsAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.Kind == ActorKind.System)
        {
            return null;
        }
        var scope = await ScopeAsync(actor, ct);
        if (scope.FrontDoor)
        {
            return null;
        }
        if (scope.AgencyId is null)
        {
            return db.People.Where(_ => false).Select(p => p.Id);
        }
        var involved = Involved(scope);
        if (actor.PractitionerId is not { } practitionerId)
        {
            return involved;
        }
        var now = db.Time.GetUtcNow();
        var glass = db.GlassBreaks.Where(g => g.PractitionerId == practitionerId && g.ExpiresAt > now && g.GrantedAt <= now).Select(g => g.ChildId);
        return involved.Union(glass);
    }

    /// <summary>Says whose children the actor sees, in words for the search page ("your team", "your agency", "every child").</summary>
    public async Task<string> DescribeAsync(Actor actor, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(actor, ct);
        return scope switch
        {
            { FrontDoor: true } => "front door",
            { TeamId: not null } => "team",
            { AgencyId: not null } => "agency",
            _ => "none",
        };
    }

    private IQueryable<Guid> Involved(Scope scope)
    {
        var cutoff = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime).AddDays(-_options.RecentlyEndedInvolvementDays);
        var involvements = db.Involvements.Where(i => i.AgencyId == scope.AgencyId && (i.EndedOn == null || i.EndedOn >= cutoff));
        if (scope.TeamId is { } teamId)
        {
            involvements = involvements.Where(i => i.TeamId == teamId);
        }
        return involvements.Select(i => i.ChildId);
    }

    private async Task<Scope> ScopeAsync(Actor actor, CancellationToken ct)
    {
        if (actor.Kind == ActorKind.ApiClient)
        {
            return new Scope(actor.AgencyId, null, false);
        }
        if (actor.PractitionerId is not { } practitionerId)
        {
            return new Scope(null, null, false);
        }
        var practitioner = await db.Practitioners.AsNoTracking()
            .Where(p => p.Id == practitionerId && p.IsActive)
            .Select(p => new { p.AgencyId, p.TeamId, AgencyKind = p.Agency!.Kind, TeamFunction = (TeamFunction?)p.Team!.Function })
            .FirstOrDefaultAsync(ct);
        if (practitioner is null)
        {
            return new Scope(null, null, false);
        }
        var frontDoor = actor.IsInRole(Roles.FrontDoor) || practitioner.TeamFunction == TeamFunction.FrontDoor;
        var byTeam = practitioner.AgencyKind == AgencyKind.ChildrensSocialCare;
        if (byTeam && practitioner.TeamId is null)
        {
            // A social care practitioner with no team has no team's children to see.
            return new Scope(null, null, frontDoor);
        }
        return new Scope(practitioner.AgencyId, byTeam ? practitioner.TeamId : null, frontDoor);
    }

    private sealed record Scope(Guid? AgencyId, Guid? TeamId, bool FrontDoor);
}
