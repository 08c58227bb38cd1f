using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Referrals;
using ChildStory.Features.Referrals;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Referrals;

/// <summary>One referral: its steps and clock; the service's team moves it on, the referrer may withdraw it, anyone working with the child may mark a critical moment.</summary>
public sealed class DetailModel(ReferralQueries queries, MoveReferral move, MarkCriticalMoment critical, IActorAccessor actors) : PageModel
{
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? CriticalNote { get; set; }
    [FromQuery(Name = "made")] public int? Made { get; set; }

    public ReferralView? Referral { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken ct)
    {
        if (!Enum.TryParse<ReferralStage>(To, out var stage) || int.TryParse(To, out _))
        {
            ModelState.AddModelError("To", "Choose what has happened to the referral");
            return await LoadAsync(id, ct) ?? Page();
        }
        var result = await move.RunAsync(actors.Current, id, stage, Text, ct);
        return await AfterAsync(id, result, $"Recorded: {Domain.Referrals.Referral.Words(stage)}.", ct);
    }

    public async Task<IActionResult> OnPostCriticalAsync(Guid id, CancellationToken ct)
    {
        var result = await critical.RunAsync(actors.Current, id, CriticalNote, ct);
        return await AfterAsync(id, result, "Critical moment marked: the service has been told and the next step is fast-tracked.", ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Result<bool> result, string done, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            Done = done;
            Text = null;
        }
        else if (result.Error!.Kind is ErrorKind.NotFound)
        {
            return NotFound();
        }
        else if (result.Error.Kind is ErrorKind.Validation)
        {
            ModelState.AddErrors(result.Error);
        }
        else
        {
            ModelState.AddModelError(string.Empty, result.Error.Title);
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await queries.GetAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Referral = result.Value;
        return null;
    }

    /// <summary>What the viewer may record next, in the order a referral moves.</summary>
    public IReadOnlyList<(ReferralStage Stage, string Label)> Moves()
    {
        var r = Referral!;
        var moves = new List<(ReferralStage, string)>();
        if (r.IsServiceTeam)
        {
            if (r.Stage == ReferralStage.Sent) { moves.Add((ReferralStage.Received, "Received")); }
            if (r.Stage is ReferralStage.Sent or ReferralStage.Received)
            {
                moves.Add((ReferralStage.Accepted, "Accepted"));
                moves.Add((ReferralStage.Declined, "Declined (give the reason)"));
            }
            if (r.Stage == ReferralStage.Accepted) { moves.Add((ReferralStage.Allocated, "Allocated (name the worker)")); }
            if (r.Stage == ReferralStage.Allocated) { moves.Add((ReferralStage.FirstContact, "First contact made with the child")); }
            if (r.Stage is ReferralStage.Accepted or ReferralStage.Allocated or ReferralStage.FirstContact) { moves.Add((ReferralStage.Closed, "Closed")); }
        }
        if (r.IsReferrer && r.Stage is not (ReferralStage.Declined or ReferralStage.Closed or ReferralStage.Withdrawn))
        {
            moves.Add((ReferralStage.Withdrawn, "Withdrawn (give the reason)"));
        }
        return moves;
    }
}
