using ChildStory.Domain.Exploitation;

namespace ChildStory.Features.Mapping;

/// <summary>The words pages and the story use for links, places and grades.</summary>
public static class LinkWords
{
    public static string Kind(AssociationKind kind) => kind switch
    {
        AssociationKind.Partner => "partner (\"relationship\")",
        AssociationKind.AdultOfConcern => "adult of concern",
        AssociationKind.SuspectedExploiter => "suspected exploiter",
        AssociationKind.SeenAt => "seen at",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Place(PlaceKind kind) => kind switch
    {
        PlaceKind.OnlineHandle => "online handle",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Reliability(SourceReliability r) => r switch
    {
        SourceReliability.Reliable => "1 — reliable",
        SourceReliability.Untested => "2 — untested",
        _ => "3 — not reliable",
    };

    public static string Assessment(InformationAssessment a) => a switch
    {
        InformationAssessment.KnownDirectly => "A — known directly to the source",
        InformationAssessment.KnownIndirectlyCorroborated => "B — known indirectly, corroborated",
        InformationAssessment.KnownIndirectly => "C — known indirectly",
        InformationAssessment.NotKnown => "D — not known",
        _ => "E — suspected to be false",
    };

    /// <summary>"J.S." for Jordan Smith; "J." when only one name is known.</summary>
    public static string Initials(string givenName, string familyName) =>
        string.Concat(new[] { givenName, familyName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => char.ToUpperInvariant(n.Trim()[0]) + "."));
}
