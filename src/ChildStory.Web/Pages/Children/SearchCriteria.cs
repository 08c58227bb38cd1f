using ChildStory.Features.Children;

namespace ChildStory.Web.Pages.Children;

public sealed class SearchCriteria
{
    public string? Name { get; set; }
    public string? DateOfBirth { get; set; }
    public string? NhsNumber { get; set; }
    public string? Upn { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(DateOfBirth)
        && string.IsNullOrWhiteSpace(NhsNumber) && string.IsNullOrWhiteSpace(Upn);

    public SearchChildren.Query ToQuery() => new(Name, DateOfBirth, NhsNumber, Upn);

    public string QueryString => string.Join('&', new[] { ("Name", Name), ("DateOfBirth", DateOfBirth), ("NhsNumber", NhsNumber), ("Upn", Upn) }
        .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
        .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}

/// <summary>Search results; <paramref name="Markers"/> are the "possible victim of exploitation" markers, only for children the searcher may see.</summary>
public sealed record SearchResultsView(IReadOnlyList<SearchChildren.Match> Matches, string? GlassBreakReason,
    IReadOnlyDictionary<Guid, Features.Exploitation.PossibleVictim.Marker>? Markers = null);
