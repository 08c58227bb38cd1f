using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChildStory.Web.Hosting;

/// <summary>
/// A request that selects no handler on a page that has handlers for its method (<c>?handler=</c> naming none of
/// them), or a POST to a page without a POST handler, would render the page with nothing loaded and fail with a
/// 500 (found by the fuzz test, issue 15): it is a 404 (GET) or 405 (anything else) instead.
/// </summary>
internal sealed class MissingHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        var read = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        if (context.HandlerMethod is null
            && (!read || context.ActionDescriptor.HandlerMethods.Any(h => h.HttpMethod.Equals("Get", StringComparison.OrdinalIgnoreCase))))
        {
            context.Result = new StatusCodeResult(read ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed);
            return Task.CompletedTask;
        }
        return next();
    }
}
