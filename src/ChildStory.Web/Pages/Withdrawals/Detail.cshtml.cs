using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.TeamAroundChild;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Withdrawals;

/// <summary>One withdrawal: its reason, risk and route; the team contests it, a meeting decides it, or the agency cancels it.</summary>
public sealed class DetailModel(TeamQueries queries, ContestWithdrawal contest, DecideWithdrawal decide, IActorAccessor actors) : FormPage
{
    [BindProperty] public string? ContestReason { get; set; }
    [BindProperty] public string? Agreed { get; set; }
    [BindProperty] public string? MeetingId { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? CancelReason { get; set; }

    public WithdrawalView? Withdrawal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostContestAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await contest.RunAsync(actors.Current, id, ContestReason, ct), "Contested. The agency stays involved until a multi-agency meeting decides.", ct);

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await decide.DecideAsync(actors.Current, id, FormInput.YesNo(Agreed), FormInput.Id(MeetingId), Decision, ct), "The meeting's decision is recorded.", ct);

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await decide.CancelAsync(actors.Current, id, CancelReason, ct), "Withdrawal cancelled: your agency stays involved.", ct);

    private Task<IActionResult> AfterAsync(Guid id, Result<bool> result, string done, CancellationToken ct) =>
        AfterAsync(result, done, () => LoadAsync(id, ct));

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await queries.WithdrawalAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Withdrawal = result.Value;
        return null;
    }
}
