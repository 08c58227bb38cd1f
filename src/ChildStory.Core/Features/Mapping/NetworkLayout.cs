namespace ChildStory.Features.Mapping;

public sealed record PlacedNode(NetworkNode Node, double X, double Y);

public sealed record Layout(double Size, IReadOnlyList<PlacedNode> Nodes)
{
    public PlacedNode? Find(Guid id) => Nodes.FirstOrDefault(n => n.Node.Id == id);
}

/// <summary>
/// Lays a network out in rings: the child in the middle, depth one on the inner ring, depth two on the outer. Each node
/// on the inner ring gets a slice of the circle in proportion to the neighbours it brings, and those neighbours sit in
/// its slice on the outer ring, so lines do not cross the map. The rings grow with the number of nodes so that labels
/// keep their room. Deterministic: the same network always draws the same way (a printed map matches the screen).
/// </summary>
public static class NetworkLayout
{
    /// <summary>The room one node needs along a ring, in drawing units.</summary>
    public const double Spacing = 64;

    public static Layout Arrange(IReadOnlyList<NetworkNode> nodes)
    {
        var inner = nodes.Where(n => n.Depth == 1).OrderBy(n => n.Kind).ThenBy(n => n.Label, StringComparer.Ordinal).ThenBy(n => n.Id).ToList();
        var outer = nodes.Where(n => n.Depth == 2).ToLookup(n => n.Via ?? Guid.Empty);
        var weights = inner.Select(n => Math.Max(1, outer[n.Id].Count())).ToList();
        var total = Math.Max(1, weights.Sum());
        var r1 = Math.Max(170, inner.Count * Spacing / (2 * Math.PI));
        var r2 = outer.Count == 0 ? r1 : Math.Max(r1 + 170, total * Spacing / (2 * Math.PI));
        var margin = 110;
        var size = 2 * (r2 + margin);
        var centre = size / 2;
        var placed = new List<PlacedNode>();
        if (nodes.FirstOrDefault(n => n.Depth == 0) is { } focus)
        {
            placed.Add(new PlacedNode(focus, centre, centre));
        }
        var start = -Math.PI / 2;
        for (var i = 0; i < inner.Count; i++)
        {
            var slice = 2 * Math.PI * weights[i] / total;
            var middle = start + slice / 2;
            placed.Add(new PlacedNode(inner[i], centre + r1 * Math.Cos(middle), centre + r1 * Math.Sin(middle)));
            var around = outer[inner[i].Id].OrderBy(n => n.Kind).ThenBy(n => n.Label, StringComparer.Ordinal).ThenBy(n => n.Id).ToList();
            for (var j = 0; j < around.Count; j++)
            {
                var angle = start + slice * (j + 0.5) / around.Count;
                placed.Add(new PlacedNode(around[j], centre + r2 * Math.Cos(angle), centre + r2 * Math.Sin(angle)));
            }
            start += slice;
        }
        return new Layout(size, placed);
    }
}
