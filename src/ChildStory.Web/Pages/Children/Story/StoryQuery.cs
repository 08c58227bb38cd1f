using System.Globalization;
using System.Text;
using ChildStory.Common;
using ChildStory.Features.Chronology;

namespace ChildStory.Web.Pages.Children.Story;

/// <summary>
/// The story filter as it travels in a query string (agency=…&amp;type=…&amp;significant=true&amp;from=…&amp;to=…&amp;order=…&amp;period=…&amp;page=…),
/// so that a filtered view, each page of it and its exports are plain links that work without JavaScript.
/// </summary>
public sealed class StoryQuery
{
    public List<string> Agency { get; set; } = [];
    public List<string> Type { get; set; } = [];
    public bool Significant { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Order { get; set; }
    public string? Period { get; set; }
    public int? Page { get; set; }

    public static StoryQuery FromRequest(IQueryCollection query) => new()
    {
        Agency = [.. query["agency"].OfType<string>().Where(s => s.Length > 0)],
        Type = [.. query["type"].OfType<string>().Where(s => s.Length > 0)],
        Significant = query["significant"].Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || v == "on"),
        From = query["from"].FirstOrDefault(),
        To = query["to"].FirstOrDefault(),
        Order = query["order"].FirstOrDefault(),
        Period = query["period"].FirstOrDefault(),
        Page = int.TryParse(query["page"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : null,
    };

    public Result<StoryFilter> ToFilter() => StoryFilter.Parse(Agency, Type, Significant, From, To, Order, Period, Page);

    /// <summary>This query as a query string, with some parts replaced (e.g. another page or order).</summary>
    public string With(int? page = null, string? order = null, string? period = null, string? format = null)
    {
        var parts = new List<(string, string?)>();
        parts.AddRange(Agency.Select(a => ("agency", (string?)a)));
        parts.AddRange(Type.Select(t => ("type", (string?)t)));
        if (Significant) { parts.Add(("significant", "true")); }
        parts.Add(("from", From));
        parts.Add(("to", To));
        parts.Add(("order", order ?? Order));
        parts.Add(("period", period ?? Period));
        parts.Add(("page", (page ?? Page)?.ToString(CultureInfo.InvariantCulture)));
        parts.Add(("format", format));
        var text = new StringBuilder();
        foreach (var (name, value) in parts.Where(p => !string.IsNullOrEmpty(p.Item2)))
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value!));
        }
        return text.ToString();
    }
}
