using System.Globalization;
using ChildStory.Domain.Chronology;

namespace ChildStory.Features.Chronology;

/// <summary>
/// How many of each kind of event happened in each period, and the running total: "nine overdoses" is a count a
/// single agency never saw, and how fast it grew is the story. At most <see cref="MaxPeriods"/> periods are shown;
/// everything earlier is carried in as "before".
/// </summary>
public sealed record StoryPeriods(StoryPeriod Unit, IReadOnlyList<string> Labels, int Before, IReadOnlyList<StoryPeriods.Row> Rows, StoryPeriods.Row Total)
{
    public const int MaxPeriods = 12;

    /// <summary>One kind of event: its count in each period, the cumulative count at the end of each, and earlier events.</summary>
    public sealed record Row(EventType? Type, IReadOnlyList<int> Counts, IReadOnlyList<int> Cumulative, int Before);

    public static StoryPeriods? Build(IReadOnlyList<StoryPoint> points, StoryPeriod unit, DateOnly? to)
    {
        if (points.Count == 0)
        {
            return null;
        }
        var last = to ?? DateOnly.FromDateTime(points.Max(p => p.OccurredAt).UtcDateTime);
        var first = DateOnly.FromDateTime(points.Min(p => p.OccurredAt).UtcDateTime);
        var lastIndex = Index(last, unit);
        var firstIndex = Math.Max(Index(first, unit), lastIndex - MaxPeriods + 1);
        var labels = Enumerable.Range(firstIndex, lastIndex - firstIndex + 1).Select(i => Label(i, unit)).ToList();
        var rows = points.GroupBy(p => p.Type).OrderByDescending(g => g.Count()).Select(g => MakeRow(g.Key, g, firstIndex, labels.Count, unit)).ToList();
        var total = MakeRow(null, points, firstIndex, labels.Count, unit);
        return new StoryPeriods(unit, labels, total.Before, rows, total);
    }

    private static Row MakeRow(EventType? type, IEnumerable<StoryPoint> points, int firstIndex, int periods, StoryPeriod unit)
    {
        var counts = new int[periods];
        var before = 0;
        foreach (var p in points)
        {
            var i = Index(DateOnly.FromDateTime(p.OccurredAt.UtcDateTime), unit) - firstIndex;
            if (i < 0) { before++; }
            else if (i < periods) { counts[i]++; }
        }
        var cumulative = new int[periods];
        var running = before;
        for (var i = 0; i < periods; i++)
        {
            running += counts[i];
            cumulative[i] = running;
        }
        return new Row(type, counts, cumulative, before);
    }

    private static int Index(DateOnly d, StoryPeriod unit) => unit switch
    {
        StoryPeriod.Year => d.Year,
        StoryPeriod.Quarter => (d.Year * 4) + ((d.Month - 1) / 3),
        _ => (d.Year * 12) + d.Month - 1,
    };

    private static string Label(int index, StoryPeriod unit) => unit switch
    {
        StoryPeriod.Year => index.ToString(CultureInfo.InvariantCulture),
        StoryPeriod.Quarter => $"Q{(index % 4) + 1} {index / 4}",
        _ => new DateOnly(index / 12, (index % 12) + 1, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture),
    };
}
