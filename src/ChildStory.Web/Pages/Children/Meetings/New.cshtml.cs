using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Features.Calendar;
using ChildStory.Features.Meetings;
using ChildStory.Features.TeamAroundChild;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Pages.Children.Meetings;

/// <summary>
/// Arranges a meeting about a child: type, time, format, invitees — the people and teams working with the child first,
/// then any team of the partnership (an agency is invited through a team, never as a whole) — and the notice it gives.
/// </summary>
public sealed class NewModel(TeamQueries team, MeetingQueries meetings, ScheduleMeeting schedule, IOptions<CalendarOptions> calendar,
    IOptions<CaseworkOptions> casework, IActorAccessor actors) : PageModel
{
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? StartsAt { get; set; }
    [BindProperty] public string? StartsAtTime { get; set; }
    [BindProperty] public string? Format { get; set; }
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public bool ExploitationItem { get; set; }
    [BindProperty] public List<string> Invitees { get; set; } = [];
    [BindProperty] public string? OtherTeam { get; set; }
    [BindProperty] public bool ConfirmShortNotice { get; set; }
    [BindProperty] public string? ShortNoticeReason { get; set; }

    public TeamAroundView? Team { get; private set; }
    public IReadOnlyList<SelectOption> Teams { get; private set; } = [];
    public IReadOnlyList<SelectOption> TeamInvitees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (loaded is not null)
        {
            return loaded;
        }
        Invitees = TeamInvitees.Select(o => o.Value).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var startsAt = ModelState.DateTime("StartsAt", StartsAt, StartsAtTime, "the date of the meeting", calendar.Value, timeRequired: true);
        var invitees = Invitees.Append(OtherTeam).Select(InviteOption.Decode).OfType<Invitee>().ToList();
        if (ModelState.IsValid)
        {
            var form = new MeetingForm(FormInput.Choice<MeetingType>(Type), startsAt, FormInput.Choice<MeetingFormat>(Format), Location, Purpose, ExploitationItem,
                invitees, ConfirmShortNotice, ShortNoticeReason);
            var result = await schedule.RunAsync(actors.Current, id, form, ct);
            if (result.Succeeded)
            {
                return Redirect($"/meetings/{result.Value}?arranged=1");
            }
            if (!ModelState.Show(result.Error!))
            {
                return NotFound();
            }
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await team.TeamAsync(actors.Current, id, ct);
        if (!result.Succeeded || !result.Value.CanWork)
        {
            return NotFound();
        }
        Team = result.Value;
        var options = await meetings.InviteOptionsAsync(actors.Current, id, ct);
        if (!options.Succeeded)
        {
            return NotFound();
        }
        TeamInvitees = options.Value.Around.Select(o => new SelectOption(o.Value, o.Text, o.Role is { } role ? Words.Role(role) : null)).ToList();
        Teams = options.Value.Teams.Select(o => new SelectOption(o.Value, o.Text, o.Agency)).ToList();
        return null;
    }

    public IReadOnlyList<SelectOption> Types => Enum.GetValues<MeetingType>()
        .Select(t => new SelectOption(t.ToString(), $"{Meeting.Describe(t)} ({ScheduleMeeting.Days(casework.Value.NoticeFor(t))} notice)")).ToList();

    public static IReadOnlyList<SelectOption> Formats { get; } =
    [
        new(nameof(MeetingFormat.InPerson), "In person"), new(nameof(MeetingFormat.Telephone), "By telephone"),
        new(nameof(MeetingFormat.Video), "By video"), new(nameof(MeetingFormat.Hybrid), "In person and by video"),
    ];
}
