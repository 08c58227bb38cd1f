using ChildStory.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Shared;

/// <summary>
/// A page whose forms call use cases and show the page again: on success a "done" banner (and the form cleared), on a
/// failure the errors, and on "not found" a 404 — the same answer as for something that does not exist.
/// </summary>
public abstract class FormPage : PageModel
{
    public string? Done { get; protected set; }

    protected async Task<IActionResult> AfterAsync(Result<bool> result, string done, Func<Task<IActionResult?>> reload, Action? clear = null)
    {
        if (result.Succeeded)
        {
            Done = done;
            if (clear is not null)
            {
                ModelState.Clear();
                clear();
            }
        }
        else if (!ModelState.Show(result.Error!))
        {
            return NotFound();
        }
        return await reload() ?? Page();
    }
}
