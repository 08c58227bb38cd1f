using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.People;
using ChildStory.Features.TeamAroundChild;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Team;

/// <summary>
/// The team around one child: who works with them, in what role, who leads; and for the team, recording a new
/// involvement, naming the lead professional, handing work on with co-working, and logging introductions.
/// </summary>
public sealed class IndexModel(TeamQueries queries, RecordInvolvement record, NameLeadProfessional lead, HandOver handOver, RecordIntroduction introduce,
    IActorAccessor actors, TimeProvider time) : PageModel
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    [BindProperty] public string? PractitionerId { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? StartedOn { get; set; }
    [BindProperty] public string? InvolvementId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? NewPractitionerId { get; set; }
    [BindProperty] public string? OverlapDays { get; set; }
    [BindProperty] public string? IntroducedOn { get; set; }
    [BindProperty] public string? IntroductionNote { get; set; }

    public TeamAroundView? Team { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        var started = ModelState.Date("StartedOn", StartedOn, "the date the involvement started");
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ?? Page();
        }
        var result = await record.RunAsync(actors.Current, id, FormInput.Id(PractitionerId), FormInput.Choice<InvolvementRole>(Role), started, ct);
        return await AfterAsync(id, result.Succeeded ? null : result.Error, "Involvement recorded. The team around the child has been told.", ct);
    }

    public async Task<IActionResult> OnPostLeadAsync(Guid id, CancellationToken ct)
    {
        var result = await lead.RunAsync(actors.Current, id, FormInput.Id(InvolvementId), Reason, ct);
        return await AfterAsync(id, result.Succeeded ? null : result.Error, "Lead professional named. The team has been told.", ct);
    }

    public async Task<IActionResult> OnPostHandOverAsync(Guid id, CancellationToken ct)
    {
        int? overlap = string.IsNullOrWhiteSpace(OverlapDays) ? null : int.TryParse(OverlapDays, out var days) ? days : -1;
        var involvement = FormInput.Id(InvolvementId);
        if (involvement is null)
        {
            ModelState.AddModelError("InvolvementId", "Choose whose work is being handed on");
            return await LoadAsync(id, ct) ?? Page();
        }
        var result = await handOver.RunAsync(actors.Current, involvement.Value, FormInput.Id(NewPractitionerId), overlap, ct);
        return await AfterAsync(id, result.Succeeded ? null : result.Error, "Handover recorded: the two workers co-work until the old involvement ends. Log the introduction to the child when it happens.", ct);
    }

    public async Task<IActionResult> OnPostIntroduceAsync(Guid id, CancellationToken ct)
    {
        var on = ModelState.Date("IntroducedOn", IntroducedOn, "the date of the introduction");
        var involvement = FormInput.Id(InvolvementId);
        if (!ModelState.IsValid || involvement is null)
        {
            return await LoadAsync(id, ct) ?? Page();
        }
        var result = await introduce.RunAsync(actors.Current, involvement.Value, on, IntroductionNote, ct);
        return await AfterAsync(id, result.Succeeded ? null : result.Error, "Introduction logged in the child's story.", ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Error? error, string done, CancellationToken ct)
    {
        if (error is null)
        {
            Done = done;
            ModelState.Clear();
            PractitionerId = Role = StartedOn = InvolvementId = Reason = NewPractitionerId = OverlapDays = IntroducedOn = IntroductionNote = null;
        }
        else if (!ModelState.Show(error))
        {
            return NotFound();
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await queries.TeamAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Team = result.Value;
        return null;
    }

    public static IReadOnlyList<SelectOption> Roles { get; } = Enum.GetValues<InvolvementRole>()
        .Where(r => r != InvolvementRole.ReceivingAfterTransfer).Select(r => new SelectOption(r.ToString(), Words.Role(r))).ToList();
}
