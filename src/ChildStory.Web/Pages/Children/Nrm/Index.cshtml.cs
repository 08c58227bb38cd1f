using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Exploitation;
using ChildStory.Features.Access;
using ChildStory.Features.Calendar;
using ChildStory.Features.Children;
using ChildStory.Features.Exploitation;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Pages.Children.Nrm;

/// <summary>A child's NRM referrals: submitted, reasonable-grounds and conclusive-grounds decisions, and the recovery period between them.</summary>
public sealed class IndexModel(RecordNrm nrm, ChildHeading heading, ChildAccess access, IOptions<CalendarOptions> calendar,
    IOptions<ExploitationOptions> exploitation, IActorAccessor actors) : FormPage
{
    [BindProperty] public string? SubmittedAt { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? ReferralId { get; set; }
    [BindProperty] public string? Stage { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? DecidedAt { get; set; }
    [BindProperty] public string? LateReason { get; set; }

    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<NrmEntry> Referrals { get; private set; } = [];
    public bool CanWork { get; private set; }
    public int RecoveryPeriodDays => exploitation.Value.RecoveryPeriodDays;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        var at = ModelState.DateTime("SubmittedAt", SubmittedAt, null, "the date it was submitted", calendar.Value, timeRequired: false);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ?? Page();
        }
        var result = await nrm.SubmitAsync(actors.Current, id, at, Summary, ct);
        return await AfterAsync(result.Succeeded ? true : result.Error!, "NRM referral recorded; the reasonable-grounds clock is running.", () => LoadAsync(id, ct),
            () => SubmittedAt = Summary = null);
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken ct)
    {
        var at = ModelState.DateTime("DecidedAt", DecidedAt, null, "the date of the decision", calendar.Value, timeRequired: false);
        if (FormInput.Id(ReferralId) is not { } referral)
        {
            ModelState.AddModelError("ReferralId", "Choose the referral");
        }
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ?? Page();
        }
        var result = await nrm.DecideAsync(actors.Current, FormInput.Id(ReferralId)!.Value, Stage == "Conclusive", FormInput.Choice<NrmOutcome>(Outcome), at, LateReason, ct);
        return await AfterAsync(result, "Decision recorded in the child's story.", () => LoadAsync(id, ct), () => ReferralId = Stage = Outcome = DecidedAt = LateReason = null);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var child = await heading.LoadAsync(actors.Current, id, ct);
        var result = child.Succeeded ? await nrm.ForChildAsync(actors.Current, id, access, ct) : child.Error!;
        if (!result.Succeeded)
        {
            return NotFound();
        }
        (ChildId, ChildName, CanWork) = (id, child.Value.ChildName, child.Value.CanWork(actors.Current));
        Referrals = result.Value;
        return null;
    }
}
