using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Escalation;
using ChildStory.Features.Escalation;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ChildStory.Web.Pages.Differences;

/// <summary>One professional difference: its stages and answers; the other agency responds, the raiser moves it up, either side resolves it.</summary>
public sealed class DetailModel(DifferenceQueries queries, RespondToStage respond, MoveUp moveUp, ResolveDifference resolve, IActorAccessor actors) : FormPage
{
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Resolution { get; set; }
    [BindProperty] public string? ChangeForChild { get; set; }

    public DifferenceView? Difference { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostRespondAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await respond.RunAsync(actors.Current, id, new ResponseForm(FormInput.Choice<StageAnswer>(Answer), Reply, Outcome), ct),
            "Your response is recorded. The practitioner who raised it has been told.", ct);

    public async Task<IActionResult> OnPostMoveUpAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await moveUp.RunAsync(actors.Current, id, Reason, ct), "Moved to the next stage. The people who answer it have been told.", ct);

    public async Task<IActionResult> OnPostResolveAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await resolve.RunAsync(actors.Current, id, new ResolutionForm(Resolution, ChangeForChild), ct), "Resolved. The team around the child has been told.", ct);

    private Task<IActionResult> AfterAsync(Guid id, Result<bool> result, string done, CancellationToken ct) =>
        AfterAsync(result, done, () => LoadAsync(id, ct), () => (Answer, Reply, Outcome, Reason, Resolution, ChangeForChild) = (null, null, null, null, null, null));

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await queries.DetailAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Difference = result.Value;
        return null;
    }

    public static IReadOnlyList<SelectOption> Answers { get; } =
    [
        new(nameof(StageAnswer.Agreed), "We agree", "We will do what is asked"),
        new(nameof(StageAnswer.PartlyAgreed), "We partly agree"),
        new(nameof(StageAnswer.Disagreed), "We disagree", "Say why; the raiser can take it to the next stage"),
    ];
}
