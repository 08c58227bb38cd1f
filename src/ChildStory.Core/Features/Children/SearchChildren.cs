using System.Linq.Expressions;
using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.People;
using ChildStory.Features.Access;
using ChildStory.Features.Children.Matching;
using ChildStory.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Children;

/// <summary>
/// Finds children by name (tolerant of case, accents and spelling slips, and searching aliases and previous
/// names), date of birth, NHS number or UPN — within the children the searcher may see, or across the partnership
/// when the searcher has broken the glass with a reason. Every search is audited.
/// </summary>
public sealed class SearchChildren(ChildStoryDbContext db, ChildAccess access)
{
    public const int MaxResults = 50;
    private const double AcceptSimilarity = 0.84;

    public sealed record Query(string? Name, string? DateOfBirth, string? NhsNumber, string? Upn);

    public sealed record Match(Guid Id, string Name, string? OtherName, DateOnly? DateOfBirth, string Gender, string? NhsNumber, string? Upn, string? Postcode, double Score);

    public sealed record Results(IReadOnlyList<Match> Matches, bool Truncated);

    public async Task<Result<Results>> RunAsync(Actor actor, Query query, string? glassBreakReason = null, CancellationToken ct = default)
    {
        var criteria = Validate(query);
        if (criteria.Error is not null)
        {
            return criteria.Error;
        }
        var c = criteria.Value;
        var people = db.People.AsNoTracking().Where(p => p.IsChild);
        if (glassBreakReason is null && await access.VisibleChildIdsAsync(actor, ct) is { } visible)
        {
            people = people.Where(p => visible.Contains(p.Id));
        }
        if (c.Nhs is not null)
        {
            people = people.Where(p => p.NhsNumber == c.Nhs);
        }
        if (c.Upn is not null)
        {
            people = people.Where(p => p.Upn == c.Upn);
        }
        if (c.Dob is { } dob)
        {
            // A day/month swap is the commonest slip in a recorded date of birth.
            var swapped = dob.Day <= 12 && dob.Day != dob.Month ? new DateOnly(dob.Year, dob.Day, dob.Month) : dob;
            people = people.Where(p => p.DateOfBirth == dob || p.DateOfBirth == swapped);
        }

        var matches = c.Tokens.Count == 0
            ? await WithoutNameAsync(people, ct)
            : await ByNameAsync(people, c.Tokens, ct);
        var ordered = matches.OrderByDescending(m => m.Score).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        var results = new Results(ordered.Take(MaxResults).ToList(), ordered.Count > MaxResults);

        var detail = JsonSerializer.Serialize(new { query.Name, query.DateOfBirth, nhs = c.Nhs, upn = c.Upn, results = ordered.Count, glassBreak = glassBreakReason is not null });
        db.Audit(glassBreakReason is null ? AuditActions.ChildrenSearched : AuditActions.GlassBreakSearch, detail: detail, reason: glassBreakReason);
        await db.SaveChangesAsync(ct);
        return results;
    }

    private sealed record Criteria(IReadOnlyList<string> Tokens, DateOnly? Dob, string? Nhs, string? Upn);

    private static Result<Criteria> Validate(Query query)
    {
        var errors = new ValidationErrors();
        var tokens = NameNormaliser.Tokens(query.Name);
        if (!string.IsNullOrWhiteSpace(query.Name) && tokens.Count == 0)
        {
            errors.Add("Name", "Name must contain letters");
        }
        DateOnly? dob = null;
        if (!string.IsNullOrWhiteSpace(query.DateOfBirth))
        {
            if (DateInput.TryParse(query.DateOfBirth, out var parsed))
            {
                dob = parsed;
            }
            else
            {
                errors.Add("DateOfBirth", "Date of birth must be a real date, like 27/3/2012 or 2012-03-27");
            }
        }
        string? nhs = null;
        if (!string.IsNullOrWhiteSpace(query.NhsNumber))
        {
            var parsed = Identifiers.NhsNumber.Parse(query.NhsNumber);
            if (parsed.IsValid) { nhs = parsed.Value; } else { errors.Add("NhsNumber", parsed.Problem); }
        }
        string? upn = null;
        if (!string.IsNullOrWhiteSpace(query.Upn))
        {
            var parsed = UniquePupilNumber.Parse(query.Upn);
            if (parsed.IsValid) { upn = parsed.Value; } else { errors.Add("Upn", parsed.Problem); }
        }
        if (!errors.Any && tokens.Count == 0 && dob is null && nhs is null && upn is null)
        {
            errors.Add("Name", "Enter a name, date of birth, NHS number or UPN to search for");
        }
        return errors.Any ? Error.Invalid(errors) : new Criteria(tokens, dob, nhs, upn);
    }

    private static async Task<List<Match>> WithoutNameAsync(IQueryable<Person> people, CancellationToken ct) =>
        await Project(people.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).Take(MaxResults + 1), 1.0).ToListAsync(ct);

    private async Task<List<Match>> ByNameAsync(IQueryable<Person> people, IReadOnlyList<string> tokens, CancellationToken ct)
    {
        var family = new List<Expression<Func<PersonName, bool>>>();
        var given = new List<Expression<Func<PersonName, bool>>>();
        foreach (var token in tokens.Distinct())
        {
            // A name part is a candidate when it sounds like a searched word or starts with its first two letters.
            // The prefix is a range rather than LIKE 'pr%', so both databases answer it from the index; its bounds
            // are letters only, which every collation orders alike (punctuation it may not).
            var key = PhoneticKey.For(token);
            var prefix = token.Length >= 2 ? token[..2] : token;
            var after = NextPrefix(prefix);
            family.Add(n => n.FamilyKey == key || (string.Compare(n.FamilyNormalised, prefix) >= 0 && string.Compare(n.FamilyNormalised, after) < 0));
            given.Add(n => n.GivenKey == key || (string.Compare(n.GivenNormalised, prefix) >= 0 && string.Compare(n.GivenNormalised, after) < 0));
        }
        var candidateNames = db.PersonNames.AsNoTracking();
        // One word may be either part; with more, both parts must resemble a searched word, as Score requires.
        candidateNames = tokens.Count == 1
            ? candidateNames.Where(Predicates.AnyOf(family.Concat(given)))
            : candidateNames.Where(Predicates.AnyOf(family)).Where(Predicates.AnyOf(given));
        var candidates = await people
            .Join(candidateNames, p => p.Id, n => n.PersonId, (p, n) => new { Person = p, n.GivenNormalised, n.FamilyNormalised, n.GivenName, n.FamilyName })
            .Take(20_000)
            .ToListAsync(ct);

        var best = new Dictionary<Guid, (double Score, string? OtherName)>();
        foreach (var c in candidates)
        {
            var score = Score(tokens, c.GivenNormalised, c.FamilyNormalised);
            if (score < AcceptSimilarity)
            {
                continue;
            }
            var other = c.GivenName == c.Person.GivenName && c.FamilyName == c.Person.FamilyName ? null : $"{c.GivenName} {c.FamilyName}";
            if (!best.TryGetValue(c.Person.Id, out var existing) || existing.Score < score)
            {
                best[c.Person.Id] = (score, other);
            }
        }
        if (best.Count == 0)
        {
            return [];
        }
        var ids = best.Keys.ToList();
        var rows = await Project(db.People.AsNoTracking().Where(p => ids.Contains(p.Id)), 0).ToListAsync(ct);
        return rows.Select(r => r with { Score = best[r.Id].Score, OtherName = best[r.Id].OtherName }).ToList();
    }

    /// <summary>The first string after every string starting with <paramref name="prefix"/> ("sm" → "sn", "az" → "b").</summary>
    private static string NextPrefix(string prefix)
    {
        var trimmed = prefix.TrimEnd('z');
        return trimmed.Length == 0 ? "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz" : trimmed[..^1] + (char)(trimmed[^1] + 1);
    }

    /// <summary>
    /// How well the searched words fit one name: one word may be either part; with two or more, the first is the
    /// given name and the last the family name, or the other way round (people type "Smith John" too).
    /// </summary>
    public static double Score(IReadOnlyList<string> tokens, string given, string family)
    {
        static double Part(string token, string part) =>
            part.Length == 0 ? 0
            : part == token ? 1
            : part.StartsWith(token, StringComparison.Ordinal) && token.Length >= 3 ? 0.95
            : PhoneticKey.For(token) == PhoneticKey.For(part) ? Math.Max(0.9, NameSimilarity.JaroWinkler(token, part))
            : NameSimilarity.JaroWinkler(token, part);

        if (tokens.Count == 1)
        {
            return Math.Max(Part(tokens[0], given), Part(tokens[0], family));
        }
        var first = tokens[0];
        var last = tokens[^1];
        var forward = Math.Min(Part(first, given), Part(last, family));
        var backward = Math.Min(Part(last, given), Part(first, family));
        return Math.Max(forward, backward);
    }

    private static IQueryable<Match> Project(IQueryable<Person> people, double score) =>
        people.Select(p => new Match(
            p.Id,
            p.GivenName + " " + p.FamilyName,
            null,
            p.DateOfBirth,
            p.Gender.ToString(),
            p.NhsNumber,
            p.Upn,
            p.Addresses.Where(a => a.To == null).Select(a => a.Address!.Postcode).FirstOrDefault(),
            score));
}
