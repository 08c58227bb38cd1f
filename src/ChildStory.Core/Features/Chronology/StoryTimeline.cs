using System.Globalization;
using ChildStory.Domain.Chronology;

namespace ChildStory.Features.Chronology;

/// <summary>The few facts of an event the overview needs: enough for counts, the timeline and gaps, cheap to read in thousands.</summary>
public sealed record StoryPoint(Guid Id, DateTimeOffset OccurredAt, Guid AgencyId, EventType Type, bool Significant);

/// <summary>
/// A picture of the story over time, drawn by the page as SVG: one lane per agency, each lane cut into equal slices
/// whose shade says how many events fell in them (clusters show dark), significant events marked individually, and
/// every silence of <see cref="GapDays"/> or more shaded across all lanes — the gaps the reviews found nobody chased.
/// Coordinates are fractions of the width (0..1) so that the page decides the pixels.
/// </summary>
public sealed record StoryTimeline(
    DateOnly Start, DateOnly End, IReadOnlyList<StoryTimeline.Lane> Lanes, IReadOnlyList<StoryTimeline.Mark> Significant,
    IReadOnlyList<StoryTimeline.Gap> Gaps, IReadOnlyList<StoryTimeline.Tick> Ticks, int Slices, int BusiestSlice, int GapDays)
{
    public const int DefaultSlices = 96;
    public const int DefaultGapDays = 90;
    private const int MaxLanes = 10;
    private const int MaxMarks = 400;

    public sealed record Lane(string Agency, int Total, IReadOnlyList<Cell> Cells);

    /// <summary>A slice of a lane holding <see cref="Count"/> events; <see cref="Shade"/> is 0..1 relative to the busiest slice.</summary>
    public sealed record Cell(int Slice, int Count, double Shade, DateOnly From, DateOnly To);

    public sealed record Mark(Guid EventId, int LaneIndex, double X, DateOnly On, EventType Type);

    public sealed record Gap(double X1, double X2, DateOnly From, DateOnly To, int Days);

    public sealed record Tick(double X, string Label);

    public static StoryTimeline? Build(IReadOnlyList<StoryPoint> points, IReadOnlyDictionary<Guid, string> agencyNames, DateOnly? from, DateOnly? to,
        DateOnly today, int slices = DefaultSlices, int gapDays = DefaultGapDays)
    {
        if (points.Count == 0)
        {
            return null;
        }
        var first = DateOnly.FromDateTime(points.Min(p => p.OccurredAt).UtcDateTime);
        var last = DateOnly.FromDateTime(points.Max(p => p.OccurredAt).UtcDateTime);
        var start = from ?? first;
        var end = to ?? (last > today ? last : today);
        if (end <= start) { end = start.AddDays(1); }
        var span = end.DayNumber - start.DayNumber + 1;
        double X(DateOnly d) => Math.Clamp((d.DayNumber - start.DayNumber) / (double)span, 0, 1);
        int SliceOf(DateOnly d) => Math.Clamp((int)((d.DayNumber - start.DayNumber) * (long)slices / span), 0, slices - 1);
        DateOnly SliceStart(int s) => DateOnly.FromDayNumber(start.DayNumber + (int)((long)s * span / slices));

        // Busiest agencies get their own lane; the rest share one, so the picture stays readable.
        var byAgency = points.GroupBy(p => p.AgencyId).OrderByDescending(g => g.Count()).ToList();
        var laneOf = new Dictionary<Guid, int>();
        var laneNames = new List<string>();
        foreach (var g in byAgency)
        {
            if (laneNames.Count < MaxLanes - 1 || byAgency.Count == MaxLanes)
            {
                laneOf[g.Key] = laneNames.Count;
                laneNames.Add(agencyNames.GetValueOrDefault(g.Key, "Unknown agency"));
            }
            else
            {
                if (laneNames.Count == MaxLanes - 1) { laneNames.Add("Other agencies"); }
                laneOf[g.Key] = MaxLanes - 1;
            }
        }
        var counts = new int[laneNames.Count, slices];
        var totals = new int[laneNames.Count];
        var perSlice = new int[slices];
        var days = new List<int>(points.Count);
        var marks = new List<Mark>();
        foreach (var p in points)
        {
            var day = DateOnly.FromDateTime(p.OccurredAt.UtcDateTime);
            var lane = laneOf[p.AgencyId];
            var slice = SliceOf(day);
            counts[lane, slice]++;
            totals[lane]++;
            perSlice[slice]++;
            days.Add(day.DayNumber);
            if (p.Significant && marks.Count < MaxMarks)
            {
                marks.Add(new Mark(p.Id, lane, X(day), day, p.Type));
            }
        }
        var busiest = 0;
        for (var l = 0; l < laneNames.Count; l++)
        {
            for (var s = 0; s < slices; s++) { busiest = Math.Max(busiest, counts[l, s]); }
        }
        var lanes = new List<Lane>();
        for (var l = 0; l < laneNames.Count; l++)
        {
            var cells = new List<Cell>();
            for (var s = 0; s < slices; s++)
            {
                if (counts[l, s] == 0) { continue; }
                // Square-root shading: one event is visible, a cluster of forty is clearly darker, neither saturates.
                cells.Add(new Cell(s, counts[l, s], 0.25 + (0.75 * Math.Sqrt(counts[l, s] / (double)busiest)), SliceStart(s), SliceStart(s + 1).AddDays(-1)));
            }
            lanes.Add(new Lane(laneNames[l], totals[l], cells));
        }

        // Silences: no agency recorded anything for gapDays or more (including from the start and up to the end).
        days.Sort();
        var gaps = new List<Gap>();
        var previous = start.DayNumber;
        foreach (var d in days.Append(end.DayNumber))
        {
            if (d - previous >= gapDays)
            {
                var gapFrom = DateOnly.FromDayNumber(previous);
                var gapTo = DateOnly.FromDayNumber(d);
                gaps.Add(new Gap(X(gapFrom), X(gapTo), gapFrom, gapTo, d - previous));
            }
            previous = Math.Max(previous, d);
        }

        return new StoryTimeline(start, end, lanes, marks.OrderBy(m => m.On).ToList(), gaps, MakeTicks(start, end, X), slices,
            Array.IndexOf(perSlice, perSlice.Max()), gapDays);
    }

    public DateOnly SliceFrom(int slice) => DateOnly.FromDayNumber(Start.DayNumber + (int)((long)slice * (End.DayNumber - Start.DayNumber + 1) / Slices));

    private static List<Tick> MakeTicks(DateOnly start, DateOnly end, Func<DateOnly, double> x)
    {
        var years = end.Year - start.Year;
        var ticks = new List<Tick>();
        if (years >= 2)
        {
            var step = years <= 10 ? 1 : years <= 20 ? 2 : 5;
            for (var y = start.Year + 1; y <= end.Year; y++)
            {
                if ((y - start.Year - 1) % step == 0) { ticks.Add(new Tick(x(new DateOnly(y, 1, 1)), y.ToString(CultureInfo.InvariantCulture))); }
            }
            return ticks;
        }
        var month = new DateOnly(start.Year, start.Month, 1).AddMonths(1);
        var monthStep = years < 1 && end.DayNumber - start.DayNumber < 200 ? 1 : 3;
        for (; month <= end; month = month.AddMonths(monthStep))
        {
            ticks.Add(new Tick(x(month), month.ToString("MMM yyyy", CultureInfo.InvariantCulture)));
        }
        return ticks;
    }
}
