namespace ChildStory.Features.Mapping;

/// <summary>
/// How a person linked to a child is named to one reader: the one rule the map, its print, the API and the link page
/// all use, so a peer shown as initials on a map is not named in full one click away (issue 15, finding 4). Adults are
/// named in full. A child — anyone with a child's record, or under 18 — is named in full when the partnership names
/// peers in full (<see cref="PeerNames.FullName"/>) or the reader may open that child's own record; otherwise by initials.
/// </summary>
public static class PeerNaming
{
    /// <summary>Whether a person counts as a child on a map: a child's record, or a date of birth less than 18 years ago.</summary>
    public static bool IsChildAged(bool isChild, DateOnly? dateOfBirth, DateOnly today) =>
        isChild || dateOfBirth is { } born && born > today.AddYears(-18);

    /// <summary>Whether this reader sees the person's full name (and anything as identifying, like a date of birth).</summary>
    public static bool InFull(PeerNames policy, bool childAged, bool readerMayOpen) => !childAged || readerMayOpen || policy == PeerNames.FullName;

    public static string Name(PeerNames policy, string givenName, string familyName, bool childAged, bool readerMayOpen) =>
        InFull(policy, childAged, readerMayOpen) ? $"{givenName} {familyName}".Trim() : LinkWords.Initials(givenName, familyName);
}
