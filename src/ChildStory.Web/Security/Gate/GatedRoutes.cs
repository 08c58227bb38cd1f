using System.Collections.Concurrent;
using ChildStory.Features.Access.Gate;
using Microsoft.AspNetCore.Routing.Patterns;

namespace ChildStory.Web.Security.Gate;

/// <summary>How the gate treats a route.</summary>
public enum RouteTreatment
{
    /// <summary>Names nothing: lists and forms whose use cases show only what the reader may see.</summary>
    Unnamed,

    /// <summary>Names a child or an object of a child: opened through the gate before any handler runs.</summary>
    Gated,

    /// <summary>Administration of the partnership (agencies, practitioners, services): the Administrator policy guards it.</summary>
    Administration,

    /// <summary>A route parameter the gate does not know: refused (fail closed) until it is classified here.</summary>
    Unclassified,
}

public sealed record RouteClass(RouteTreatment Treatment, string? Parameter = null, ResourceKind Kind = default, IReadOnlyList<(string Parameter, PartKind Part)>? Parts = null)
{
    public IReadOnlyList<(string Parameter, PartKind Part)> PartsOrNone => Parts ?? [];
}

/// <summary>
/// The one table that says what each route names. A route is classified by the path before its first parameter
/// (<c>/meetings/{id}</c> names a meeting, <c>/api/v1/children/{id}/plans</c> a child) and by its other parameters
/// (<c>{eventId}</c> is an entry of that child's story). A parameter not listed here makes the route unclassified:
/// the gate refuses it and the access-matrix test fails, so a new route cannot skip the check by accident.
/// </summary>
public static class GatedRoutes
{
    private static readonly (string Prefix, ResourceKind Kind)[] Owners =
    [
        ("children", ResourceKind.Child),
        ("api/v1/children", ResourceKind.Child),
        ("api/v1/education/children", ResourceKind.Child),
        ("meetings", ResourceKind.Meeting),
        ("shares", ResourceKind.Share),
        ("actions", ResourceKind.Action),
        ("alerts", ResourceKind.Alert),
        ("differences", ResourceKind.Difference),
        ("front-door/contacts", ResourceKind.Contact),
        ("identity/reviews", ResourceKind.MatchReview),
        ("links", ResourceKind.Link),
        ("plans", ResourceKind.Plan),
        ("referrals", ResourceKind.Referral),
        ("withdrawals", ResourceKind.Withdrawal),
        ("services", ResourceKind.Service),
    ];

    private static readonly Dictionary<string, PartKind> Parts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eventId"] = PartKind.StoryEntry,
        ["involvementId"] = PartKind.Involvement,
        ["attachmentId"] = PartKind.ShareAttachment,
    };

    /// <summary>Parameters that select a view, not data: an error page's status code, a form's name, the OpenAPI document's name.</summary>
    private static readonly HashSet<string> Selectors = new(StringComparer.OrdinalIgnoreCase) { "code", "form", "documentName" };

    private static readonly ConcurrentDictionary<RoutePattern, RouteClass> Cache = new();

    public static RouteClass Classify(RoutePattern pattern) => Cache.GetOrAdd(pattern, Compute);

    private static RouteClass Compute(RoutePattern pattern)
    {
        var names = pattern.Parameters.Select(p => p.Name).Where(n => !Selectors.Contains(n)).ToList();
        if (names.Count == 0)
        {
            return new RouteClass(RouteTreatment.Unnamed);
        }
        var prefix = string.Join('/', pattern.PathSegments.TakeWhile(s => s.IsSimple && s.Parts[0].IsLiteral)
            .Select(s => ((RoutePatternLiteralPart)s.Parts[0]).Content.ToLowerInvariant()));
        if (prefix == "admin" || prefix.StartsWith("admin/", StringComparison.Ordinal))
        {
            return new RouteClass(RouteTreatment.Administration);
        }
        var owner = Owners.Where(o => o.Prefix == prefix).Select(o => (ResourceKind?)o.Kind).FirstOrDefault();
        if (owner is null || names[0] != "id")
        {
            return new RouteClass(RouteTreatment.Unclassified);
        }
        var parts = new List<(string, PartKind)>();
        foreach (var name in names.Skip(1))
        {
            if (!Parts.TryGetValue(name, out var part))
            {
                return new RouteClass(RouteTreatment.Unclassified);
            }
            parts.Add((name, part));
        }
        return new RouteClass(RouteTreatment.Gated, "id", owner.Value, parts);
    }
}
