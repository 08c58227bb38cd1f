using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.Fuzz;

/// <summary>An API endpoint: its route, methods and the names of the parameters it binds (query, route, body).</summary>
internal sealed record ApiRoute(RoutePattern Pattern, IReadOnlyList<string> Methods, IReadOnlyList<string> QueryNames, bool TakesBody);

/// <summary>A page's POST handler: its route, handler name and the form fields it binds.</summary>
internal sealed record PagePost(RoutePattern Pattern, string? Handler, IReadOnlyList<string> Fields, IReadOnlyList<string> Files);

/// <summary>
/// Every routed endpoint, read from the app's own <see cref="EndpointDataSource"/> so that a new page or endpoint is
/// fuzzed without anyone listing it; page handlers and their bound fields from the compiled page descriptors.
/// </summary>
internal static class RouteCatalogue
{
    public static IReadOnlyList<ApiRoute> Api(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.OrdinalIgnoreCase) == true)
            .Select(e =>
            {
                var method = e.Metadata.GetMetadata<MethodInfo>();
                var parameters = method?.GetParameters() ?? [];
                var query = parameters.Where(p => IsSimple(p.ParameterType) && e.RoutePattern.GetParameter(p.Name!) is null).Select(p => p.Name!).ToList();
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
                return new ApiRoute(e.RoutePattern, methods.ToList(), query, methods.Any(m => m is "POST" or "PUT" or "PATCH"));
            })
            .OrderBy(r => r.Pattern.RawText, StringComparer.Ordinal)
            .ToList();

    public static async Task<IReadOnlyList<PagePost>> PagesAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var posts = new List<PagePost>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }
            var page = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var properties = page.BoundProperties.SelectMany(p => Fields(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, 0)).ToList();
            foreach (var handler in page.HandlerMethods.Where(h => h.HttpMethod.Equals("Post", StringComparison.OrdinalIgnoreCase)))
            {
                var arguments = handler.Parameters.Where(p => endpoint.RoutePattern.GetParameter(p.Name) is null)
                    .SelectMany(p => Fields(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, 0));
                var all = properties.Concat(arguments).Distinct().ToList();
                posts.Add(new PagePost(endpoint.RoutePattern, handler.Name, all.Where(f => !f.EndsWith("#file", StringComparison.Ordinal)).ToList(),
                    all.Where(f => f.EndsWith("#file", StringComparison.Ordinal)).Select(f => f[..^5]).ToList()));
            }
        }
        return posts.OrderBy(p => p.Pattern.RawText, StringComparer.Ordinal).ThenBy(p => p.Handler, StringComparer.Ordinal).ToList();
    }

    /// <summary>The form names a bound type reads: "Name", "Name.Part", "Name[0].Part"; files marked with "#file".</summary>
    private static IEnumerable<string> Fields(string name, Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(CancellationToken))
        {
            yield break;
        }
        if (typeof(IFormFile).IsAssignableFrom(type) || typeof(IEnumerable<IFormFile>).IsAssignableFrom(type))
        {
            yield return name + "#file";
            yield break;
        }
        if (IsSimple(type) || depth > 2)
        {
            yield return name;
            yield break;
        }
        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            var item = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().LastOrDefault() ?? typeof(string);
            foreach (var index in new[] { 0, 1 })
            {
                foreach (var field in Fields($"{name}[{index}]", item, depth + 1))
                {
                    yield return field;
                }
            }
            yield break;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            foreach (var field in Fields($"{name}.{property.Name}", property.PropertyType, depth + 1))
            {
                yield return field;
            }
        }
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly);
    }
}
