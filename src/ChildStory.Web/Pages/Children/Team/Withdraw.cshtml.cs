using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Features.TeamAroundChild;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Team;

/// <summary>The withdrawal protocol's form: why, the risk of stopping, and a meeting's decision or notice to the team.</summary>
public sealed class WithdrawModel(TeamQueries queries, ProposeWithdrawal propose, IActorAccessor actors) : PageModel
{
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Risk { get; set; }
    [BindProperty] public string? RiskAssessment { get; set; }
    [BindProperty] public string? Route { get; set; }
    [BindProperty] public string? MeetingId { get; set; }
    [BindProperty] public bool ConfirmLastAgency { get; set; }

    public TeamAroundView? Team { get; private set; }
    public Domain.People.InvolvementRole Role { get; private set; }
    public string Worker { get; private set; } = "";
    public bool Warned { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid involvementId, CancellationToken ct) => await LoadAsync(id, involvementId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid involvementId, CancellationToken ct)
    {
        var form = new WithdrawalForm(Reason, FormInput.Choice<WithdrawalRisk>(Risk), RiskAssessment, FormInput.Choice<WithdrawalRoute>(Route), FormInput.Id(MeetingId), ConfirmLastAgency);
        var result = await propose.RunAsync(actors.Current, involvementId, form, ct);
        if (result.Succeeded)
        {
            return Redirect($"/withdrawals/{result.Value}");
        }
        if (!ModelState.Show(result.Error!))
        {
            return NotFound();
        }
        Warned = result.Error!.Fields.ContainsKey("ConfirmLastAgency") || ConfirmLastAgency;
        return await LoadAsync(id, involvementId, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid involvementId, CancellationToken ct)
    {
        var result = await queries.TeamAsync(actors.Current, id, ct);
        var worker = result.Succeeded ? result.Value.Workers.FirstOrDefault(w => w.InvolvementId == involvementId) : null;
        if (worker is null || !result.Value.CanWork || worker.AgencyId != result.Value.MyAgencyId)
        {
            return NotFound();
        }
        Team = result.Value;
        Role = worker.Role;
        Worker = worker.Practitioner is null ? worker.Agency : $"{worker.Practitioner}, {worker.Agency}";
        return null;
    }

    public static IReadOnlyList<SelectOption> Risks { get; } =
    [
        new(nameof(WithdrawalRisk.Low), "Low", "Other agencies meet the child's needs that we were meeting"),
        new(nameof(WithdrawalRisk.Medium), "Medium", "Some needs will go unmet or unseen without us"),
        new(nameof(WithdrawalRisk.High), "High", "Our withdrawal could leave the child unsafe or unseen"),
    ];

    public static IReadOnlyList<SelectOption> Routes { get; } =
    [
        new(nameof(WithdrawalRoute.MeetingDecision), "A multi-agency meeting agreed it", "The involvement ends now; name the meeting"),
        new(nameof(WithdrawalRoute.NoticeToTeam), "Give notice to the team", "The team is told and can contest it before the notice ends"),
    ];
}
