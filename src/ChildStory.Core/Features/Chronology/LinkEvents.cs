using ChildStory.Data;
using ChildStory.Domain.Chronology;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Chronology;

/// <summary>
/// Links incoming events to children by exact identifiers, strongest first: a valid NHS number, then a UPN, then
/// the agency's own reference for a person already linked. An event with none of these stays unlinked — kept,
/// never dropped — for probabilistic matching and review. Once linked, the sender's reference is remembered.
/// </summary>
public sealed class LinkEvents(ChildStoryDbContext db)
{
    public async Task LinkAsync(Guid agencyId, IReadOnlyList<ChronologyEvent> events, CancellationToken ct = default)
    {
        var nhs = events.Select(e => e.Subject.NhsNumber).OfType<string>().Distinct().ToList();
        var upns = events.Select(e => e.Subject.Upn).OfType<string>().Distinct().ToList();
        var references = events.Select(e => e.Subject.Reference).OfType<string>().Distinct().ToList();
        var byNhs = nhs.Count == 0 ? [] : await Unique(db.People.Where(p => p.IsChild && p.MergedIntoId == null && p.NhsNumber != null && nhs.Contains(p.NhsNumber))
            .Select(p => new KeyValuePair<string, Guid>(p.NhsNumber!, p.Id)), ct);
        var byUpn = upns.Count == 0 ? [] : await Unique(db.People.Where(p => p.IsChild && p.MergedIntoId == null && p.Upn != null && upns.Contains(p.Upn))
            .Select(p => new KeyValuePair<string, Guid>(p.Upn!, p.Id)), ct);
        var byReference = references.Count == 0 ? [] : await db.PersonReferences.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && references.Contains(r.Reference))
            .ToDictionaryAsync(r => r.Reference, r => r.PersonId, ct);

        var learned = new Dictionary<string, Guid>();
        foreach (var e in events)
        {
            (Guid Child, LinkBasis Basis)? match = e.Subject.NhsNumber is { } n && byNhs.TryGetValue(n, out var a) ? (a, LinkBasis.NhsNumber)
                : e.Subject.Upn is { } u && byUpn.TryGetValue(u, out var b) ? (b, LinkBasis.Upn)
                : e.Subject.Reference is { } r && byReference.TryGetValue(r, out var c) ? (c, LinkBasis.AgencyReference)
                : null;
            if (match is not { } found)
            {
                continue;
            }
            var id = found.Child;
            e.LinkTo(id, found.Basis);
            if (e.Subject.Reference is { } reference && !byReference.ContainsKey(reference))
            {
                learned.TryAdd(reference, id);
            }
        }
        db.PersonReferences.AddRange(learned.Select(l => new PersonReference(agencyId, l.Key, l.Value)));
    }

    /// <summary>An identifier held by two children is no identifier: such events wait for review instead.</summary>
    private static async Task<Dictionary<string, Guid>> Unique(IQueryable<KeyValuePair<string, Guid>> pairs, CancellationToken ct) =>
        (await pairs.ToListAsync(ct)).GroupBy(p => p.Key).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Value);
}
