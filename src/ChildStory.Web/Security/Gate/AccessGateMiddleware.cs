using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Access;
using ChildStory.Features.Access.Gate;
using Microsoft.AspNetCore.Authentication;

namespace ChildStory.Web.Security.Gate;

/// <summary>
/// Need to know, decided once for every request before any page or endpoint handler runs (GET and POST alike, so
/// a form re-shown after a validation error can never load a child the reader may not see): the child or object the
/// route names is opened through <see cref="ResourceGate"/>; a refusal answers 404 — the same as an id that does not
/// exist — and is audited (403 for an object about no child, such as a service's waiting list). Runs after authentication and authorization, so the actor is known.
/// </summary>
public sealed class AccessGateMiddleware(RequestDelegate next, ILogger<AccessGateMiddleware> logger)
{
    /// <summary>The key under which the basis of access is left for the request (<see cref="AccessBasis"/>).</summary>
    public const string BasisKey = "ChildStory.AccessBasis";

    public async Task InvokeAsync(HttpContext context, ResourceGate gate, IActorAccessor actors)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint)
        {
            await next(context);
            return;
        }
        var route = GatedRoutes.Classify(endpoint.RoutePattern);
        switch (route.Treatment)
        {
            case RouteTreatment.Unnamed or RouteTreatment.Administration:
                await next(context);
                return;
            case RouteTreatment.Unclassified:
                logger.LogError("Refused {Route}: its route parameters are not classified in GatedRoutes", endpoint.RoutePattern.RawText);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }
        if (!TryGuid(context, route.Parameter!, out var id))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var opened = await gate.OpenAsync(actors.Current, route.Kind, id, context.RequestAborted);
        if (!opened.Succeeded)
        {
            if (opened.Error!.Kind == ErrorKind.Forbidden && !context.Request.Path.StartsWithSegments("/api"))
            {
                await context.ForbidAsync();
                return;
            }
            context.Response.StatusCode = opened.Error.Kind == ErrorKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
            return;
        }
        foreach (var (parameter, part) in route.PartsOrNone)
        {
            if (!TryGuid(context, parameter, out var partId) || !await gate.BelongsAsync(part, id, partId, context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }
        context.Items[BasisKey] = opened.Value;
        await next(context);
    }

    private static bool TryGuid(HttpContext context, string parameter, out Guid id)
    {
        id = Guid.Empty;
        return context.Request.RouteValues.TryGetValue(parameter, out var value) && Guid.TryParse(value?.ToString(), out id);
    }
}
