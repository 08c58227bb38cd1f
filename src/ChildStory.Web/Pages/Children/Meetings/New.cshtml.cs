using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Features.Calendar;
using ChildStory.Features.Meetings;
using ChildStory.Features.TeamAroundChild;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Pages.Children.Meetings;

/// <summary>Arranges a meeting about a child: type, time, format, invitees (the team around the child first), and the notice it gives.</summary>
public sealed class NewModel(TeamQueries team, ScheduleMeeting schedule, ChildStoryDbContext db, IOptions<CalendarOptions> calendar,
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
    [BindProperty] public string? OtherAgency { get; set; }
    [BindProperty] public bool ConfirmShortNotice { get; set; }
    [BindProperty] public string? ShortNoticeReason { get; set; }

    public TeamAroundView? Team { get; private set; }
    public IReadOnlyList<SelectOption> Agencies { get; private set; } = [];
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
        var invitees = Invitees.Append(OtherAgency).Select(Parse).Where(i => i is not null).Select(i => i!).ToList();
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

    private static Invitee? Parse(string? value)
    {
        var parts = (value ?? "").Split(':');
        return Guid.TryParse(parts[0], out var agency) ? new Invitee(agency, parts.Length > 1 && Guid.TryParse(parts[1], out var p) ? p : null) : null;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await team.TeamAsync(actors.Current, id, ct);
        if (!result.Succeeded || !result.Value.CanWork)
        {
            return NotFound();
        }
        Team = result.Value;
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        TeamInvitees = Team.Workers.Where(w => w.EndedOn is null || w.EndedOn >= today)
            .Select(w => new SelectOption($"{w.AgencyId}:{w.PractitionerId}", w.Practitioner is null ? w.Agency : $"{w.Practitioner}, {w.Agency}", Words.Role(w.Role)))
            .DistinctBy(o => o.Value).ToList();
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new SelectOption(a.Id + ":", a.Name, null)).ToListAsync(ct);
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
