using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Children;
using ChildStory.Features.FrontDoor;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Contacts;

/// <summary>The front door records a contact about a child that came by telephone, letter or e-mail.</summary>
public sealed class NewModel(RecordContact record, ChildHeading heading, IActorAccessor actors) : PageModel
{
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? Summary { get; set; }

    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!actors.Current.IsInRole(Roles.FrontDoor))
        {
            return Forbid();
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await record.RunAsync(actors.Current, id, Source, From, Summary, ct);
        if (result.Succeeded)
        {
            return Redirect($"/front-door/contacts/{result.Value}");
        }
        if (result.Error!.Kind is ErrorKind.NotFound) { return NotFound(); }
        if (result.Error.Kind is ErrorKind.Forbidden) { return Forbid(); }
        ModelState.AddErrors(result.Error);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var child = await heading.LoadAsync(actors.Current, id, ct);
        if (child.Succeeded)
        {
            (ChildId, ChildName) = (id, child.Value.ChildName);
        }
        return child.Succeeded;
    }
}
