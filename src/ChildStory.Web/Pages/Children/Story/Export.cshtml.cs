using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Chronology;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Story;

/// <summary>Downloads the chronology, or the filtered part of it, as PDF or CSV for a review panel (audited).</summary>
public sealed class ExportModel(ExportStory export, IActorAccessor actors) : PageModel
{
    public Guid ChildId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? format, CancellationToken ct)
    {
        ChildId = id;
        if (!Enum.TryParse<ExportFormat>(format, ignoreCase: true, out var exportFormat) || int.TryParse(format, out _))
        {
            ModelState.AddModelError("format", "Choose PDF or CSV");
        }
        var filter = StoryQuery.FromRequest(Request.Query).ToFilter();
        if (!filter.Succeeded)
        {
            ModelState.AddErrors(filter.Error!);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await export.RunAsync(actors.Current, id, filter.Value, exportFormat, ct);
        if (!result.Succeeded)
        {
            return result.Error!.Kind == ErrorKind.Forbidden ? Forbid() : NotFound();
        }
        return File(result.Value.Content, result.Value.ContentType, result.Value.FileName);
    }
}
