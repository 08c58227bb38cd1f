using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Chronology;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Story;

/// <summary>One entry in full, with its source details, why it is on this child's story, and every earlier version.</summary>
public sealed class EventModel(GetEvent get, IActorAccessor actors) : PageModel
{
    public EventDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid eventId, CancellationToken ct)
    {
        var result = await get.RunAsync(actors.Current, id, eventId, ct);
        if (!result.Succeeded)
        {
            return result.Error!.Kind == ErrorKind.Forbidden ? Forbid() : NotFound();
        }
        Detail = result.Value;
        return Page();
    }

    public static string Describe(ChildStory.Domain.Chronology.LinkBasis? basis, double? score) => basis switch
    {
        ChildStory.Domain.Chronology.LinkBasis.NhsNumber => "The sender gave this child's NHS number",
        ChildStory.Domain.Chronology.LinkBasis.Upn => "The sender gave this child's unique pupil number",
        ChildStory.Domain.Chronology.LinkBasis.AgencyReference => "The sender used its own reference for this child, learned from an earlier linked entry",
        ChildStory.Domain.Chronology.LinkBasis.Probabilistic => $"Matched automatically on name, date of birth, sex and address (evidence score {score:0.0})",
        ChildStory.Domain.Chronology.LinkBasis.Reviewed => $"A practitioner confirmed the match after review (evidence score {score:0.0})",
        ChildStory.Domain.Chronology.LinkBasis.NewPerson => "Nobody we held matched, so a new record was made from the sender's description",
        ChildStory.Domain.Chronology.LinkBasis.EnteredInChildStory => "Recorded on this child's story in ChildStory",
        _ => "Not recorded",
    };
}
