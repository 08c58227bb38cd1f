using ChildStory.Data;
using ChildStory.Domain.Exploitation;
using ChildStory.Features.Access;
using ChildStory.Features.Exploitation;
using ChildStory.Features.TeamAroundChild;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ChildStory.Web.Pages.Children.Mace;

/// <summary>A child's MACE discussions: ask for one, and record what the discussion found and agreed.</summary>
public sealed class IndexModel(CurrentTeam team, MaceDiscussions mace, ChildAccess access, IActorAccessor actors) : FormPage
{
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? Perpetrators { get; set; }
    [BindProperty] public string? Places { get; set; }
    [BindProperty] public string? PeerGroups { get; set; }
    [BindProperty] public string? Intelligence { get; set; }
    [BindProperty] public string? ReviewOn { get; set; }
    [BindProperty] public List<ActionRow> Actions { get; set; } = [];

    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<MaceDiscussionView> Discussions { get; private set; } = [];
    public bool CanWork { get; private set; }
    public IReadOnlyList<SelectOption> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostRequestAsync(Guid id, CancellationToken ct)
    {
        var result = await mace.RequestAsync(actors.Current, id, Reason, ct: ct);
        return await AfterAsync(result.Succeeded ? true : result.Error!, "MACE discussion asked for; the team has been told.", () => LoadAsync(id, ct), () => Reason = null);
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid id, Guid discussionId, CancellationToken ct)
    {
        var review = ModelState.Date("ReviewOn", ReviewOn, "the review date");
        var actions = ActionInputs.Read(ModelState, Actions);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ?? Page();
        }
        // The first two rows are disruption actions, the rest safety-plan actions.
        var form = new MaceForm(FormInput.Choice<RiskLevel>(Level), Perpetrators, Places, PeerGroups, Intelligence, review, actions.Take(2).ToList(), actions.Skip(2).ToList());
        var result = await mace.RecordAsync(actors.Current, discussionId, form, ct);
        return await AfterAsync(result, "MACE discussion recorded in the child's story.", () => LoadAsync(id, ct),
            () => { Level = Perpetrators = Places = PeerGroups = Intelligence = ReviewOn = null; Actions = []; });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var child = await team.LoadAsync(actors.Current, id, ct);
        var opened = child.Succeeded ? await mace.ForChildAsync(actors.Current, id, access, ct) : child.Error!;
        if (!opened.Succeeded)
        {
            return NotFound();
        }
        (ChildId, ChildName, CanWork) = (id, child.Value.ChildName, child.Value.CanWork(actors.Current));
        Discussions = opened.Value.Discussions;
        Owners = ActionInputs.Owners(child.Value.Workers);
        while (Actions.Count < 4)
        {
            Actions.Add(new());
        }
        return null;
    }
}
