using ChildStory.Common;
using ChildStory.Domain.Chronology;

namespace ChildStory.Features.Chronology;

public enum StoryOrder
{
    NewestFirst,
    OldestFirst,
}

/// <summary>How cumulative counts are grouped: by year, quarter or month.</summary>
public enum StoryPeriod
{
    Year,
    Quarter,
    Month,
}

/// <summary>
/// Which part of the story to show: some agencies, some kinds of event, only significant ones, a date range.
/// Empty lists mean "all". Dates are inclusive calendar days (UTC).
/// </summary>
public sealed record StoryFilter(
    IReadOnlyList<Guid> Agencies,
    IReadOnlyList<EventType> Types,
    bool SignificantOnly,
    DateOnly? From,
    DateOnly? To,
    StoryOrder Order = StoryOrder.NewestFirst,
    StoryPeriod Period = StoryPeriod.Year,
    int Page = 1)
{
    public const int PageSize = 50;

    public static StoryFilter All { get; } = new([], [], false, null, null);

    public bool IsFiltered => Agencies.Count > 0 || Types.Count > 0 || SignificantOnly || From is not null || To is not null;

    /// <summary>Builds a filter from what a reader typed, or says which field is wrong.</summary>
    public static Result<StoryFilter> Parse(IEnumerable<string>? agencies, IEnumerable<string>? types, bool significantOnly, string? from, string? to,
        string? order, string? period, int? page)
    {
        var errors = new ValidationErrors();
        var parsedAgencies = new List<Guid>();
        foreach (var a in agencies ?? [])
        {
            if (Guid.TryParse(a, out var id)) { parsedAgencies.Add(id); }
            else { errors.Add("agency", $"'{a}' is not an agency's id"); }
        }
        var parsedTypes = new List<EventType>();
        foreach (var t in types ?? [])
        {
            if (Enum.TryParse<EventType>(t, ignoreCase: true, out var type) && !int.TryParse(t, out _)) { parsedTypes.Add(type); }
            else { errors.Add("type", $"'{t}' is not a kind of event"); }
        }
        DateOnly? Date(string field, string? text, string label)
        {
            if (string.IsNullOrWhiteSpace(text)) { return null; }
            if (Children.DateInput.TryParse(text, out var d)) { return d; }
            errors.Add(field, $"{label} must be a real date, like 27/3/2024");
            return null;
        }
        var fromDate = Date("from", from, "The start date");
        var toDate = Date("to", to, "The end date");
        if (fromDate is { } f && toDate is { } t2 && t2 < f)
        {
            errors.Add("to", "The end date must be the same as or after the start date");
        }
        var storyOrder = StoryOrder.NewestFirst;
        if (!string.IsNullOrWhiteSpace(order) && !Enum.TryParse(order, ignoreCase: true, out storyOrder))
        {
            errors.Add("order", "Order must be NewestFirst or OldestFirst");
        }
        var storyPeriod = StoryPeriod.Year;
        if (!string.IsNullOrWhiteSpace(period) && !Enum.TryParse(period, ignoreCase: true, out storyPeriod))
        {
            errors.Add("period", "Counts can be by Year, Quarter or Month");
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        return new StoryFilter(parsedAgencies.Distinct().ToList(), parsedTypes.Distinct().ToList(), significantOnly, fromDate, toDate,
            storyOrder, storyPeriod, Math.Max(1, page ?? 1));
    }

    /// <summary>The same filter as <see cref="Matches"/>, for the database to apply.</summary>
    internal IQueryable<ChronologyEvent> Apply(IQueryable<ChronologyEvent> events)
    {
        if (Agencies.Count > 0) { events = events.Where(e => Agencies.Contains(e.AgencyId)); }
        if (Types.Count > 0) { events = events.Where(e => Types.Contains(e.Type)); }
        if (SignificantOnly) { events = events.Where(e => e.Significant); }
        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.OccurredAt >= start);
        }
        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.OccurredAt < end);
        }
        return events;
    }

    internal bool Matches(Guid agencyId, EventType type, bool significant, DateTimeOffset occurredAt)
    {
        if (Agencies.Count > 0 && !Agencies.Contains(agencyId)) { return false; }
        if (Types.Count > 0 && !Types.Contains(type)) { return false; }
        if (SignificantOnly && !significant) { return false; }
        var day = DateOnly.FromDateTime(occurredAt.UtcDateTime);
        return (From is not { } from || day >= from) && (To is not { } to || day <= to);
    }
}
