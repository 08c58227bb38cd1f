using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Exploitation;
using ChildStory.Features.Access;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Mapping;

/// <summary>
/// One link as a reader sees it. Both ends are named as the reader's map names them (<see cref="PeerNaming"/>);
/// <see cref="NetworkOf"/> is the end whose map the reader may open (the child holding the link, or the child at the other end).
/// </summary>
public sealed record LinkDetail(Guid Id, Guid ChildId, string ChildName, AssociationKind Kind, string Other, string Source, string Grade, string Reliability, string Assessment,
    DateOnly ObservedOn, string RecordedBy, string Agency, DateTimeOffset RecordedAt, string? Note, bool Restricted, string? Disputed, DateOnly? EndedOn, string? EndReason,
    int Version, bool CanChange, Guid NetworkOf, string NetworkName);

/// <summary>
/// One link, read or changed: disputed (by anyone who may see it, on behalf of the child, the family or themselves —
/// each dispute is kept beside the link, which stays so the disagreement can be weighed) or ended (the link no longer
/// holds; it stays in the record, off the map unless ended links are asked for). Links are opened through either end
/// that is a child's record; a restricted link only by the agency holding it.
/// </summary>
public sealed class ChangeAssociation(ChildStoryDbContext db, ChildAccess read, CaseworkAccess work, IOptions<MappingOptions> options)
{
    public async Task<Result<LinkDetail>> GetAsync(Actor actor, Guid linkId, CancellationToken ct = default)
    {
        var (link, basis, through, openable) = await OpenAsync(actor, linkId, false, ct);
        if (link is null)
        {
            return Error.NotFound("Link");
        }
        var today = CaseworkAccess.Today(db);
        var policy = options.Value.PeerNames;
        var ids = new[] { link.ChildId, link.PersonId ?? Guid.Empty };
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.IsChild, p.DateOfBirth }).ToDictionaryAsync(p => p.Id, ct);
        string Named(Guid id)
        {
            var p = people[id];
            return PeerNaming.Name(policy, p.GivenName, p.FamilyName, PeerNaming.IsChildAged(p.IsChild, p.DateOfBirth, today), openable.Contains(id));
        }
        var other = link.PersonId is { } personId ? Named(personId) : (await db.Places.AsNoTracking().SingleAsync(p => p.Id == link.PlaceId, ct)).ToString();
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == link.AgencyId).Select(a => a.Name).SingleAsync(ct);
        return new LinkDetail(link.Id, link.ChildId, Named(link.ChildId), link.Kind, other, link.Source, link.Grade, LinkWords.Reliability(link.Reliability), LinkWords.Assessment(link.Assessment),
            link.ObservedOn, link.RecordedBy, agency, link.RecordedAt, link.Note, link.Sensitivity != Sensitivity.None, link.Disputed, link.EndedOn, link.EndReason, link.Version,
            actor.PractitionerId is not null && basis is AccessBasis.Involvement or AccessBasis.FrontDoor, through, Named(through));
    }

    public async Task<Result<bool>> DisputeAsync(Actor actor, Guid linkId, int version, string? note, CancellationToken ct = default)
    {
        var (link, _, _, _) = await OpenAsync(actor, linkId, true, ct);
        if (link is null)
        {
            return Error.NotFound("Link");
        }
        var text = note?.Trim() ?? "";
        if (text.Length is 0 or > 2_000)
        {
            return Error.Invalid("Dispute", "Say who disputes the link and why (2,000 characters or fewer)");
        }
        link.Dispute(actor.Name, db.Time.GetUtcNow(), text);
        return await SaveAsync(link, version, "disputed", ct);
    }

    public async Task<Result<bool>> EndAsync(Actor actor, Guid linkId, int version, DateOnly? endedOn, string? reason, CancellationToken ct = default)
    {
        var (link, _, _, _) = await OpenAsync(actor, linkId, true, ct);
        if (link is null)
        {
            return Error.NotFound("Link");
        }
        var errors = new ValidationErrors();
        if (endedOn is null || endedOn > CaseworkAccess.Today(db)) { errors.Add("EndedOn", "Enter when the link ended, today or earlier"); }
        if (string.IsNullOrWhiteSpace(reason)) { errors.Add("EndReason", "Say why the link no longer holds (moved away, no longer in contact, found to be wrong…)"); }
        errors.MaxLength("EndReason", reason, 500, "The reason");
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var ended = link.End(endedOn!.Value, reason!);
        return ended.Succeeded ? await SaveAsync(link, version, "ended", ct) : ended;
    }

    private async Task<Result<bool>> SaveAsync(Association link, int version, string change, CancellationToken ct)
    {
        if (link.Version != version + 1)
        {
            return Error.Conflict("Someone else changed this link while you were reading it: look again");
        }
        db.Audit(AuditActions.AssociationChanged, link.ChildId, subject: $"Association:{link.Id}", detail: JsonSerializer.Serialize(new { change }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Someone else changed this link at the same time: look again");
        }
        return true;
    }

    /// <summary>
    /// The link, if the actor may open it through either end that is a child's record (to change it: may work with that
    /// child): with the basis and the end it was opened through, and every child end whose record the actor may open.
    /// </summary>
    private async Task<(Association? Link, AccessBasis Basis, Guid Through, HashSet<Guid> Openable)> OpenAsync(Actor actor, Guid linkId, bool forWork, CancellationToken ct)
    {
        var link = await db.Associations.SingleOrDefaultAsync(a => a.Id == linkId, ct);
        if (link is null || !link.ReadableBy(actor.AgencyId, actor.Kind == ActorKind.System))
        {
            return (null, AccessBasis.None, Guid.Empty, []);
        }
        var ends = new List<Guid> { link.ChildId };
        if (link.PersonId is { } personId && await db.People.AnyAsync(p => p.Id == personId && p.IsChild, ct))
        {
            ends.Add(personId);
        }
        var bases = new Dictionary<Guid, AccessBasis>();
        foreach (var end in ends)
        {
            bases[end] = await read.BasisAsync(actor, end, ct);
        }
        var openable = bases.Where(b => b.Value != AccessBasis.None).Select(b => b.Key).ToHashSet();
        foreach (var end in ends.Where(openable.Contains))
        {
            if (forWork && !(await work.OpenForWorkAsync(actor, end, ct)).Succeeded)
            {
                continue;
            }
            return (link, bases[end], end, openable);
        }
        await read.OpenAsync(actor, link.ChildId, ct); // audits the refusal
        return (null, AccessBasis.None, Guid.Empty, []);
    }
}
