using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Exploitation;
using ChildStory.Domain.People;
using ChildStory.Features.Access;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Mapping;

public enum NodeKind
{
    /// <summary>The child whose map it is.</summary>
    Focus,
    Child,

    /// <summary>A child from another local authority: a limited entry with a contact.</summary>
    OutOfAreaChild,
    Adult,
    Place,
}

/// <summary>
/// One person or place on a map. <see cref="Label"/> already follows the partnership's naming policy.
/// <see cref="Known"/> says whether a child is known to services and to which authority — never which services (that
/// a peer sees CAMHS is not the reader's to know). <see cref="CanOpen"/> is true for children whose records the reader
/// may open. <see cref="NotShown"/> counts neighbours left off around a busy person or place.
/// </summary>
public sealed record NetworkNode(Guid Id, NodeKind Kind, string Label, int? Age, bool AgeEstimated, string Known, int Depth, Guid? Via, bool CanOpen,
    PlaceKind? PlaceKind, bool OfConcern, int ChildrenLinked, int NotShown);

public sealed record NetworkLink(Guid Id, Guid From, Guid To, AssociationKind Kind, string Source, string Grade, DateOnly ObservedOn, string RecordedBy,
    string Agency, string? Note, string? Disputed, DateOnly? EndedOn);

/// <summary>Links the reader may not read: held by an agency (police intelligence), with whom to ask.</summary>
public sealed record RestrictedHolding(string Agency, string Contact, int Links);

public sealed record NetworkView(Guid ChildId, string ChildName, int Depth, bool IncludesEnded, PeerNames Names, IReadOnlyList<NetworkNode> Nodes,
    IReadOnlyList<NetworkLink> Links, IReadOnlyList<RestrictedHolding> Restricted, bool CanRecord)
{
    public IEnumerable<NetworkNode> SharedPlaces => Nodes.Where(n => n.Kind == NodeKind.Place && n.ChildrenLinked >= 2).OrderByDescending(n => n.ChildrenLinked);

    public IEnumerable<NetworkLink> LinksOf(Guid nodeId) => Links.Where(l => l.From == nodeId || l.To == nodeId);
}

/// <summary>
/// A child's network to depth two: the people and places linked to the child, and theirs — whichever child's record
/// holds each link, since a link is between two. People are named by <see cref="PeerNaming"/> (the partnership's
/// policy, and whether the reader may open a child's record); children of other authorities appear as limited entries with their contact; places linked to several
/// children are counted. Restricted links (police intelligence) are shown only to the agency that holds them — others
/// see that they exist and whom to ask — and the map is not walked through them. Ended links are left out unless asked for.
/// Anyone who may see the child may see the map; the viewing is audited.
/// </summary>
public sealed class PeerNetwork(ChildStoryDbContext db, ChildAccess access, IOptions<MappingOptions> options)
{
    private static readonly Guid NoAgency = Guid.Empty;

    public async Task<Result<NetworkView>> LoadAsync(Actor actor, Guid childId, int depth = 2, bool includeEnded = false, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        depth = Math.Clamp(depth, 1, 2);
        var settings = options.Value;
        var today = CaseworkAccess.Today(db);
        var reader = actor.Kind == ActorKind.System ? (Guid?)null : actor.AgencyId ?? NoAgency;
        var links = db.Associations.AsNoTracking().Where(a => includeEnded || a.EndedOn == null);

        var first = await links.Where(a => a.ChildId == childId || a.PersonId == childId).ToListAsync(ct);
        var hidden = first.Where(a => !Readable(a, reader)).ToList();
        var shown = first.Where(a => Readable(a, reader)).ToList();
        var depthOf = new Dictionary<Guid, int> { [childId] = 0 };
        var via = new Dictionary<Guid, Guid>();
        foreach (var a in shown)
        {
            depthOf.TryAdd(Other(a, childId), 1);
        }
        var notShown = new Dictionary<Guid, int>();
        if (depth == 2 && depthOf.Count > 1)
        {
            var people = depthOf.Where(d => d.Value == 1).Select(d => d.Key).ToList();
            var places = shown.Where(a => a.PlaceId is not null).Select(a => a.PlaceId!.Value).Distinct().ToList();
            var seen = first.Select(a => a.Id).ToHashSet();
            var second = await links.Where(a => people.Contains(a.ChildId) || (a.PersonId != null && people.Contains(a.PersonId.Value))
                || (a.PlaceId != null && places.Contains(a.PlaceId.Value))).ToListAsync(ct);
            second.RemoveAll(a => seen.Contains(a.Id));
            hidden.AddRange(second.Where(a => !Readable(a, reader)));
            // Around each person or place at depth one, the most telling neighbours first: adults of concern, then the most recently seen.
            foreach (var group in second.Where(a => Readable(a, reader))
                .Select(a => (Link: a, Near: Near(a, depthOf), Far: Far(a, depthOf)))
                .GroupBy(x => x.Near)
                .Select(g => g.OrderByDescending(x => Association.IsOfConcern(x.Link.Kind)).ThenByDescending(x => x.Link.ObservedOn).ToList()))
            {
                var outward = group.Where(x => !depthOf.TryGetValue(x.Far, out var d) || d == 2).ToList();
                var kept = outward.Select(x => x.Far).Distinct().Take(settings.NeighboursShown).ToHashSet();
                notShown[group[0].Near] = outward.Select(x => x.Far).Distinct().Count() - kept.Count;
                foreach (var x in group.Where(x => depthOf.ContainsKey(x.Far) && depthOf[x.Far] <= 1 || kept.Contains(x.Far)))
                {
                    if (depthOf.TryAdd(x.Far, 2))
                    {
                        via[x.Far] = x.Near;
                    }
                    shown.Add(x.Link);
                }
            }
        }
        var view = await DescribeAsync(actor, childId, depth, includeEnded, settings, today, depthOf, via, notShown, shown, hidden, ct);
        db.Audit(AuditActions.NetworkViewed, childId, detail: JsonSerializer.Serialize(new { basis = opened.Value.ToString(), depth, nodes = view.Nodes.Count }));
        await db.SaveChangesAsync(ct);
        return view with { CanRecord = actor.PractitionerId is not null && opened.Value is AccessBasis.Involvement or AccessBasis.FrontDoor };
    }

    private async Task<NetworkView> DescribeAsync(Actor actor, Guid childId, int depth, bool includeEnded, MappingOptions settings, DateOnly today,
        Dictionary<Guid, int> depthOf, Dictionary<Guid, Guid> via, Dictionary<Guid, int> notShown, List<Association> shown, List<Association> hidden, CancellationToken ct)
    {
        var ids = depthOf.Keys.ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.DateOfBirthIsEstimated, p.IsChild, p.HomeAuthority, p.AuthorityContact })
            .ToDictionaryAsync(p => p.Id, ct);
        var places = await db.Places.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var records = people.Values.Where(p => p.IsChild).Select(p => p.Id).ToList();
        var known = (await db.Involvements.AsNoTracking().Where(i => records.Contains(i.ChildId) && (i.EndedOn == null || i.EndedOn >= today))
            .Select(i => new { i.ChildId, i.Role }).ToListAsync(ct)).Where(i => !UniversalServices.IsUniversal(i.Role)).Select(i => i.ChildId).ToHashSet();
        var visible = await access.VisibleChildIdsAsync(actor, ct);
        var openable = visible is null ? records.ToHashSet() : (await visible.Where(id => records.Contains(id)).ToListAsync(ct)).ToHashSet();
        var agencyIds = shown.Concat(hidden).Select(a => a.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var concern = shown.Where(a => Association.IsOfConcern(a.Kind)).Select(a => a.PersonId).ToHashSet();
        bool IsChildAged(Guid id) => people.TryGetValue(id, out var p) && PeerNaming.IsChildAged(p.IsChild, p.DateOfBirth, today);
        var childrenAtPlace = shown.Where(a => a.PlaceId is not null).GroupBy(a => a.PlaceId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(a => a.ChildId).Where(IsChildAged).Distinct().Count());

        var nodes = new List<NetworkNode>();
        foreach (var (id, d) in depthOf.OrderBy(x => x.Value))
        {
            if (places.TryGetValue(id, out var place))
            {
                nodes.Add(new NetworkNode(id, NodeKind.Place, place.ToString(), null, false, LinkWords.Place(place.Kind), d, via.GetValueOrDefault(id), false,
                    place.Kind, false, childrenAtPlace.GetValueOrDefault(id), notShown.GetValueOrDefault(id)));
                continue;
            }
            if (!people.TryGetValue(id, out var p))
            {
                continue;
            }
            var age = p.DateOfBirth is { } dob ? Person.AgeOn(dob, today) : (int?)null;
            var child = IsChildAged(id);
            var kind = id == childId ? NodeKind.Focus : !child ? NodeKind.Adult : p.HomeAuthority is not null ? NodeKind.OutOfAreaChild : NodeKind.Child;
            var label = PeerNaming.Name(settings.PeerNames, p.GivenName, p.FamilyName, child, id == childId || openable.Contains(id));
            var knownText = kind switch
            {
                NodeKind.OutOfAreaChild => $"Known to {p.HomeAuthority}: contact {p.AuthorityContact}",
                NodeKind.Adult => concern.Contains(id) ? "Adult of concern" : "Adult",
                _ when known.Contains(id) => "Known to services in this partnership",
                _ => p.HomeAuthority is { } elsewhere ? $"Known to {elsewhere}: contact {p.AuthorityContact}" : "Not known to services here",
            };
            nodes.Add(new NetworkNode(id, kind, label, age, p.DateOfBirthIsEstimated, knownText, d, via.GetValueOrDefault(id), openable.Contains(id) && id != childId,
                null, concern.Contains(id), 0, notShown.GetValueOrDefault(id)));
        }
        var present = nodes.Select(n => n.Id).ToHashSet();
        var edges = shown.DistinctBy(a => a.Id).Where(a => present.Contains(a.ChildId) && present.Contains(a.PersonId ?? a.PlaceId!.Value))
            .Select(a => new NetworkLink(a.Id, a.ChildId, a.PersonId ?? a.PlaceId!.Value, a.Kind, a.Source, a.Grade, a.ObservedOn, a.RecordedBy,
                agencies.GetValueOrDefault(a.AgencyId, "An agency"), a.Note, a.Disputed, a.EndedOn))
            .OrderByDescending(l => l.ObservedOn).ToList();
        var restricted = hidden.DistinctBy(a => a.Id).GroupBy(a => (Agency: agencies.GetValueOrDefault(a.AgencyId, "An agency"), Contact: a.SensitiveContact ?? ""))
            .Select(g => new RestrictedHolding(g.Key.Agency, g.Key.Contact, g.Count())).OrderBy(r => r.Agency).ToList();
        var focus = people[childId];
        return new NetworkView(childId, $"{focus.GivenName} {focus.FamilyName}", depth, includeEnded, settings.PeerNames, nodes, edges, restricted, false);
    }

    private static bool Readable(Association a, Guid? reader) => a.ReadableBy(reader, system: reader is null);

    private static Guid Other(Association a, Guid id) => a.ChildId == id ? a.PersonId ?? a.PlaceId!.Value : a.ChildId;

    /// <summary>The end of a depth-two link that is at depth one (or the focus).</summary>
    private static Guid Near(Association a, Dictionary<Guid, int> depthOf)
    {
        var end = a.PersonId ?? a.PlaceId!.Value;
        return depthOf.TryGetValue(a.ChildId, out var d) && d <= 1 && !(depthOf.TryGetValue(end, out var e) && e < d) ? a.ChildId : end;
    }

    private static Guid Far(Association a, Dictionary<Guid, int> depthOf)
    {
        var near = Near(a, depthOf);
        return near == a.ChildId ? a.PersonId ?? a.PlaceId!.Value : a.ChildId;
    }

}
