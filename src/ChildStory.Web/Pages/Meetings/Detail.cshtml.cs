using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Features.Calendar;
using ChildStory.Features.Meetings;
using ChildStory.Features.TeamAroundChild;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Pages.Meetings;

/// <summary>
/// One meeting: who was invited with how much notice, replies and reports; the invited agency answers here; the
/// organising agency records it as held (attendance, outcome, decisions, actions, minutes, the child's views) or cancels it.
/// </summary>
[RequestSizeLimit(Features.Sharing.Attachments.MaxFiles * Features.Sharing.Attachments.MaxBytes + 1_048_576)]
[RequestFormLimits(MultipartBodyLengthLimit = Features.Sharing.Attachments.MaxFiles * Features.Sharing.Attachments.MaxBytes + 1_048_576)]
public sealed class DetailModel(MeetingQueries queries, TeamQueries team, AnswerInvitation answer, RecordMeeting record, CancelMeeting cancel,
    MeetingDocuments documents, IOptions<CalendarOptions> calendar, IActorAccessor actors) : FormPage
{
    public const int ActionRows = 4;

    [FromQuery(Name = "arranged")] public int? Arranged { get; set; }
    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public string? ResponseNote { get; set; }
    [BindProperty] public string? Report { get; set; }
    [BindProperty] public string? HeldAt { get; set; }
    [BindProperty] public string? HeldAtTime { get; set; }
    [BindProperty] public string? Chair { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Decisions { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public VoiceFields Voice { get; set; } = new();
    [BindProperty] public Dictionary<string, string> Attendance { get; set; } = [];
    [BindProperty] public List<ActionRow> Actions { get; set; } = [];
    [BindProperty] public string? LateReason { get; set; }
    [BindProperty] public string? CancelReason { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public MeetingView? Meeting { get; private set; }
    public IReadOnlyList<SelectOption> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostReplyAsync(Guid id, Guid invitationId, CancellationToken ct) =>
        await AfterAsync(id, await answer.ReplyAsync(actors.Current, invitationId, FormInput.Choice<InvitationResponse>(Reply), ResponseNote, ct), "Your reply has been recorded.", ct);

    public async Task<IActionResult> OnPostReportAsync(Guid id, Guid invitationId, CancellationToken ct) =>
        await AfterAsync(id, await answer.SubmitReportAsync(actors.Current, invitationId, Report, ct), "Your agency's report has been submitted.", ct);

    public async Task<IActionResult> OnPostMinutesAsync(Guid id, CancellationToken ct)
    {
        var result = await documents.AttachAsync(actors.Current, id, await Uploads.ReadAsync(Files, ct), ct);
        return await AfterAsync(id, result.Succeeded ? true : result.Error!, "Minutes attached. Everyone invited has been told.", ct);
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        var result = await documents.DownloadAsync(actors.Current, id, documentId, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        var (fileName, contentType, content) = result.Value;
        Response.Headers["X-Content-Type-Options"] = "nosniff";
        return File(content, contentType, fileName);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await cancel.RunAsync(actors.Current, id, CancelReason, ct), "The meeting is cancelled and everyone invited has been told.", ct);

    public async Task<IActionResult> OnPostHeldAsync(Guid id, CancellationToken ct)
    {
        var heldAt = ModelState.DateTime("HeldAt", HeldAt, HeldAtTime, "the date the meeting was held", calendar.Value, timeRequired: false);
        var voice = Voice.Read(ModelState);
        var actions = ActionInputs.Read(ModelState, Actions);
        if (ModelState.IsValid)
        {
            var attendance = Attendance.Where(a => Guid.TryParse(a.Key, out _) && FormInput.Choice<Domain.Casework.Attendance>(a.Value) is not null)
                .ToDictionary(a => Guid.Parse(a.Key), a => FormInput.Choice<Domain.Casework.Attendance>(a.Value)!.Value);
            var form = new HeldForm(heldAt, Chair, FormInput.Choice<MeetingOutcome>(Outcome), Decisions, Minutes,
                voice, attendance, actions, LateReason);
            var result = await record.RunAsync(actors.Current, id, form, ct);
            if (result.Succeeded)
            {
                return Redirect($"/meetings/{id}");
            }
            if (!ModelState.Show(result.Error!))
            {
                return NotFound();
            }
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private Task<IActionResult> AfterAsync(Guid id, Result<bool> result, string done, CancellationToken ct) =>
        AfterAsync(result, done, () => LoadAsync(id, ct));

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await queries.GetAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Meeting = result.Value;
        if (Meeting.CanRecord)
        {
            var around = await team.TeamAsync(actors.Current, Meeting.ChildId, ct);
            if (around.Succeeded)
            {
                Owners = ActionInputs.Owners(around.Value.Workers.Where(w => w.EndedOn is null))
                    .Concat(Meeting.Invitations.Select(i => new SelectOption($"a:{i.AgencyId}", i.Invitee, "Agencies"))).DistinctBy(o => o.Value).ToList();
            }
            while (Actions.Count < ActionRows)
            {
                Actions.Add(new ActionRow());
            }
        }
        return null;
    }
}
