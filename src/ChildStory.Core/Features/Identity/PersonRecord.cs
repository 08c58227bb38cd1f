using ChildStory.Features.Children.Matching;

namespace ChildStory.Features.Identity;

/// <summary>A person as one record describes them, normalised for matching: lower-case plain letters, postcode without spaces.</summary>
public sealed record PersonRecord(string Id, string Given, string Family, DateOnly? DateOfBirth, string? Sex, string? Postcode, string? NhsNumber, string? Upn)
{
    public static PersonRecord Create(string id, string? given, string? family, DateOnly? dob, string? sex, string? postcode, string? nhs, string? upn) =>
        new(id, NameNormaliser.Normalise(given), NameNormaliser.Normalise(family), dob,
            string.IsNullOrWhiteSpace(sex) ? null : sex.Trim()[..1].ToUpperInvariant(),
            string.IsNullOrWhiteSpace(postcode) ? null : postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(),
            string.IsNullOrWhiteSpace(nhs) ? null : nhs.Trim(), string.IsNullOrWhiteSpace(upn) ? null : upn.Trim().ToUpperInvariant());
}
