using System.Text.Json;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Children.Matching;

namespace ChildStory.Features.Identity;

/// <summary>One line of the side-by-side comparison a reviewer sees: what the sender said, what we hold, and how they compare.</summary>
public sealed record EvidenceLine(string Field, string? Theirs, string? Ours, string Comparison);

/// <summary>Describes, field by field, how a description compares with the best-scoring version of a candidate.</summary>
public static class MatchEvidence
{
    public static IReadOnlyList<EvidenceLine> Compare(EventSubject subject, PersonRecord ours, DateOnly? ourDob)
    {
        var theirs = PersonRecord.Create("theirs", subject.GivenName, subject.FamilyName, subject.DateOfBirth, subject.Sex, subject.Postcode, subject.NhsNumber, subject.Upn);
        return
        [
            new("Given name", subject.GivenName, ours.Given, Names(theirs.Given, ours.Given, theirs.Family, ours.Family)),
            new("Family name", subject.FamilyName, ours.Family, Names(theirs.Family, ours.Family, theirs.Given, ours.Given)),
            new("Date of birth", subject.DateOfBirth?.ToString("d MMM yyyy"), ourDob?.ToString("d MMM yyyy"), Dates(subject.DateOfBirth, ourDob)),
            new("Sex", subject.Sex, ours.Sex, Same(theirs.Sex, ours.Sex)),
            new("Postcode", subject.Postcode, ours.Postcode, Same(theirs.Postcode, ours.Postcode)),
            new("NHS number", subject.NhsNumber, ours.NhsNumber, Same(theirs.NhsNumber, ours.NhsNumber)),
            new("UPN", subject.Upn, ours.Upn, Same(theirs.Upn, ours.Upn)),
        ];
    }

    public static string ToJson(IReadOnlyList<EvidenceLine> lines) => JsonSerializer.Serialize(lines);

    public static IReadOnlyList<EvidenceLine> FromJson(string json) => JsonSerializer.Deserialize<List<EvidenceLine>>(json) ?? [];

    private static string Names(string a, string b, string otherA, string otherB)
    {
        if (a.Length == 0 || b.Length == 0) { return "Not given"; }
        if (a == b) { return "Same"; }
        if (a == otherB && b == otherA) { return "Swapped with the other name"; }
        if (Nicknames.Same(a, b)) { return "Known short form"; }
        if (NameSimilarity.JaroWinkler(a, b) >= 0.88) { return "Similar spelling"; }
        return PhoneticKey.For(a) == PhoneticKey.For(b) ? "Sounds the same" : "Different";
    }

    private static string Dates(DateOnly? a, DateOnly? b)
    {
        if (a is not { } x || b is not { } y) { return "Not given"; }
        if (x == y) { return "Same"; }
        if (x.Year == y.Year && x.Month == y.Day && x.Day == y.Month) { return "Day and month swapped"; }
        if (x.Year == y.Year && ((x.Month == 1 && x.Day == 1) || (y.Month == 1 && y.Day == 1))) { return "1 January placeholder"; }
        return "Different";
    }

    private static string Same(string? a, string? b) => a is null || b is null ? "Not given" : a == b ? "Same" : "Different";
}
