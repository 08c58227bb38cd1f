using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.People;
using ChildStory.Features.Children.Matching;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Identity;

/// <summary>A child we hold, scored against a description, with the name and postcode that scored best.</summary>
public sealed record Candidate(Guid PersonId, double Score, PersonRecord Best);

/// <summary>
/// Finds the children a description might be, and scores each with <see cref="PairScore"/> over every name they are
/// known by (aliases, previous names) and every postcode they have lived at (address history), keeping the best.
/// Candidates come from indexed look-ups that tolerate one bad field: the date of birth (or its day/month swap or a
/// 1 January placeholder), the sound of both names (either way round), or the sound of the family name.
/// </summary>
internal static class CandidateFinder
{
    private const int PerKey = 200;

    public static async Task<List<Candidate>> FindAsync(ChildStoryDbContext db, EventSubject subject, Guid? except, CancellationToken ct)
    {
        var incoming = Record("incoming", subject.GivenName, subject.FamilyName, subject.DateOfBirth, subject.Sex, subject.Postcode, subject.NhsNumber, subject.Upn);
        var ids = new HashSet<Guid>();
        var people = db.People.AsNoTracking().Where(p => p.IsChild && p.MergedIntoId == null);
        if (subject.DateOfBirth is { } dob)
        {
            var dates = new List<DateOnly> { dob, new(dob.Year, 1, 1) };
            if (dob.Day <= 12 && dob.Day != dob.Month) { dates.Add(new DateOnly(dob.Year, dob.Day, Math.Min(dob.Month, DateTime.DaysInMonth(dob.Year, dob.Day)))); }
            ids.UnionWith(await people.Where(p => p.DateOfBirth != null && dates.Contains(p.DateOfBirth.Value)).Select(p => p.Id).Take(PerKey).ToListAsync(ct));
        }
        var given = PhoneticKey.For(NameNormaliser.Normalise(subject.GivenName));
        var family = PhoneticKey.For(NameNormaliser.Normalise(subject.FamilyName));
        if (family.Length > 0)
        {
            var names = db.PersonNames.AsNoTracking();
            ids.UnionWith(await names.Where(n => n.FamilyKey == family && (given.Length == 0 || n.GivenKey == given)).Select(n => n.PersonId).Take(PerKey).ToListAsync(ct));
            if (given.Length > 0)
            {
                ids.UnionWith(await names.Where(n => n.FamilyKey == given && n.GivenKey == family).Select(n => n.PersonId).Take(PerKey).ToListAsync(ct));
            }
            if (subject.DateOfBirth is { } d)
            {
                var (from, to) = (new DateOnly(d.Year - 1, 1, 1), new DateOnly(d.Year + 1, 12, 31));
                ids.UnionWith(await names.Where(n => n.FamilyKey == family)
                    .Join(people.Where(p => p.DateOfBirth >= from && p.DateOfBirth <= to), n => n.PersonId, p => p.Id, (n, p) => p.Id).Take(PerKey).ToListAsync(ct));
            }
        }
        if (except is { } self) { ids.Remove(self); }
        if (ids.Count == 0)
        {
            return [];
        }
        var idList = ids.ToList();
        var found = await people.Where(p => idList.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Gender, p.NhsNumber, p.Upn }).ToListAsync(ct);
        var aliases = (await db.PersonNames.AsNoTracking().Where(n => idList.Contains(n.PersonId)).Select(n => new { n.PersonId, n.GivenName, n.FamilyName }).ToListAsync(ct))
            .ToLookup(n => n.PersonId);
        var postcodes = (await db.PersonAddresses.AsNoTracking().Where(a => idList.Contains(a.PersonId)).Select(a => new { a.PersonId, a.Address!.Postcode }).ToListAsync(ct))
            .ToLookup(a => a.PersonId, a => (string?)a.Postcode);
        var candidates = new List<Candidate>();
        foreach (var p in found)
        {
            var names = aliases[p.Id].Select(n => (n.GivenName, n.FamilyName)).Append((p.GivenName, p.FamilyName)).Distinct();
            var codes = postcodes[p.Id].Distinct().DefaultIfEmpty(null);
            Candidate? best = null;
            foreach (var (g, f) in names)
            {
                foreach (var code in codes)
                {
                    var theirs = Record(p.Id.ToString(), g, f, p.DateOfBirth, Sex(p.Gender), code, p.NhsNumber, p.Upn);
                    var score = PairScore.Of(incoming, theirs);
                    if (best is null || score > best.Score) { best = new Candidate(p.Id, score, theirs); }
                }
            }
            candidates.Add(best!);
        }
        return [.. candidates.OrderByDescending(c => c.Score)];
    }

    public static PersonRecord Record(string id, string? given, string? family, DateOnly? dob, string? sex, string? postcode, string? nhs, string? upn) =>
        PersonRecord.Create(id, given, family, dob, sex, postcode, nhs, upn);

    public static string? Sex(Gender gender) => gender switch { Gender.Female => "F", Gender.Male => "M", _ => null };
}
