using System.Globalization;
using System.Net;
using System.Text;
using ChildStory.Domain.Exploitation;
using ChildStory.Features.Mapping;

namespace ChildStory.Web.Pages.Children.Network;

/// <summary>
/// Draws a network as SVG, server-side, so it works without JavaScript and prints as it shows: rings laid out by
/// <see cref="NetworkLayout"/>; children as circles (the child whose map it is filled, children from other authorities
/// dashed), adults as circles (adults of concern in red), places as squares (shared by several children: thicker,
/// with the count). Lines to adults of concern are red, disputed links dashed, ended links dotted. A child whose record
/// the reader may open links to their own map; everything else links to its row in the tables below.
/// </summary>
public static class NetworkSvg
{
    public static string Render(NetworkView view)
    {
        var layout = NetworkLayout.Arrange(view.Nodes);
        var svg = new StringBuilder();
        var size = F(layout.Size);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" aria-labelledby=\"map-title\" class=\"app-network-map\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"map-title\">Network of {E(view.ChildName)}: {view.Nodes.Count - 1} people and places, {view.Links.Count} links. The tables below list the same.</title>");
        foreach (var link in view.Links)
        {
            if (layout.Find(link.From) is not { } a || layout.Find(link.To) is not { } b)
            {
                continue;
            }
            var concern = Association.IsOfConcern(link.Kind);
            var style = link.EndedOn is not null ? "app-network-link app-network-link--ended" : link.Disputed is not null ? "app-network-link app-network-link--disputed" : "app-network-link";
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{F(a.X)}\" y1=\"{F(a.Y)}\" x2=\"{F(b.X)}\" y2=\"{F(b.Y)}\" class=\"{style}{(concern ? " app-network-link--concern" : "")}\"><title>{E(LinkWords.Kind(link.Kind))}, graded {link.Grade}, {E(link.Source)}</title></line>");
        }
        foreach (var placed in layout.Nodes)
        {
            var n = placed.Node;
            var href = n.CanOpen ? $"/children/{n.Id}/network" : $"#node-{n.Id}";
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{href}\" class=\"app-network-node\">");
            var x = F(placed.X);
            var y = F(placed.Y);
            if (n.Kind == NodeKind.Place)
            {
                var shared = n.ChildrenLinked >= 2;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(placed.X - 14)}\" y=\"{F(placed.Y - 14)}\" width=\"28\" height=\"28\" class=\"app-network-place{(shared ? " app-network-place--shared" : "")}\"/>");
                if (shared)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{F(placed.Y + 5)}\" text-anchor=\"middle\" class=\"app-network-count\">{n.ChildrenLinked}</text>");
                }
            }
            else
            {
                var css = n.Kind switch
                {
                    NodeKind.Focus => "app-network-focus",
                    NodeKind.OutOfAreaChild => "app-network-child app-network-child--elsewhere",
                    NodeKind.Child => "app-network-child",
                    _ => n.OfConcern ? "app-network-adult app-network-adult--concern" : "app-network-adult",
                };
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x}\" cy=\"{y}\" r=\"{(n.Kind == NodeKind.Focus ? 22 : 14)}\" class=\"{css}\"/>");
            }
            var label = n.Age is { } age ? $"{n.Label} ({(n.AgeEstimated ? "about " : "")}{age})" : n.Label;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{F(placed.Y + (n.Kind == NodeKind.Focus ? 40 : 32))}\" text-anchor=\"middle\" class=\"app-network-label\">{E(Short(label))}</text>");
            if (n.NotShown > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{F(placed.Y + 48)}\" text-anchor=\"middle\" class=\"app-network-more\">+{n.NotShown} more</text>");
            }
            svg.Append("</a>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Short(string label) => label.Length <= 34 ? label : label[..33] + "…";

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
