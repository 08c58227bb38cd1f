using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Escalation;
using ChildStory.Features.Calendar;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Escalation;

/// <summary>What a practitioner says when raising a difference. <see cref="From"/> links it to what it is about ("share:{id}").</summary>
public sealed record RaiseForm(bool? ImmediateRisk, string? Concerns, Guid? SubjectAgencyId, string? SubjectPerson, string? WhyItMatters, string? OutcomeSought, string? From);

/// <summary>
/// Any practitioner working with a child raises a professional difference about another agency's decision, action or
/// inaction. Immediate risk of significant harm never waits for this process: the answer "yes" saves nothing and the
/// page offers the urgent route instead. Stage 1 starts at once with its due time on the partnership's working-day
/// calendar; the agency it is about is told (even if it is not in the team), and it lands in the child's story.
/// </summary>
public sealed class RaiseDifference(ChildStoryDbContext db, CaseworkAccess access, PartnershipCalendar calendar, Notifier notify, IOptions<EscalationOptions> options)
{
    public const string ImmediateRiskMessage = "The child is at immediate risk of significant harm: do not use the escalation process. Call the police on 999 and arrange a strategy discussion now";

    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, RaiseForm form, CancellationToken ct = default)
    {
        var opened = await access.OpenForWorkAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        if (form.ImmediateRisk is null)
        {
            return Error.Invalid("ImmediateRisk", "Say whether the child is at immediate risk of significant harm");
        }
        if (form.ImmediateRisk == true)
        {
            return Error.Invalid("ImmediateRisk", ImmediateRiskMessage);
        }
        var errors = new ValidationErrors();
        var concerns = form.Concerns?.Trim() ?? "";
        var why = form.WhyItMatters?.Trim() ?? "";
        var outcome = form.OutcomeSought?.Trim() ?? "";
        var person = string.IsNullOrWhiteSpace(form.SubjectPerson) ? null : form.SubjectPerson.Trim();
        errors.Require("Concerns", concerns, "Say what decision, action or inaction you disagree with");
        errors.MaxLength("Concerns", concerns, 4_000, "What it is about");
        string? agencyName = null;
        if (form.SubjectAgencyId is not { } subjectAgency)
        {
            errors.Add("SubjectAgencyId", "Choose the agency the difference is with");
        }
        else
        {
            agencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == subjectAgency && a.IsActive).Select(a => a.Name).SingleOrDefaultAsync(ct);
            if (agencyName is null) { errors.Add("SubjectAgencyId", "Choose an agency in the partnership"); }
            else if (subjectAgency == actor.AgencyId) { errors.Add("SubjectAgencyId", "A difference within your own agency goes to your manager: choose another agency"); }
        }
        errors.MaxLength("SubjectPerson", person, 200, "The person's name");
        errors.Require("WhyItMatters", why, "Say why it matters for the child");
        errors.MaxLength("WhyItMatters", why, 4_000, "Why it matters");
        errors.Require("OutcomeSought", outcome, "Say what outcome you are seeking");
        errors.MaxLength("OutcomeSought", outcome, 4_000, "The outcome sought");
        DifferenceSubject? subject = null;
        if (!string.IsNullOrWhiteSpace(form.From))
        {
            subject = await DifferenceSubjects.FindAsync(db, childId, form.From, ct);
            if (subject is null) { errors.Add("From", "The item this difference is about was not found for this child"); }
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }

        var now = db.Time.GetUtcNow();
        var first = options.Value.Stage(1);
        var due = (await calendar.GetAsync(db, ct)).Due(now, first.Rule);
        var difference = new ProfessionalDifference(Guid.NewGuid(), childId, actor.PractitionerId!.Value, actor.Name, actor.AgencyId!.Value, now, concerns,
            form.SubjectAgencyId!.Value, person, why, outcome, subject?.Link ?? DifferenceLink.None, subject?.Id, subject?.Text);
        difference.Start(first.Name, due.Due, due.Explanation);
        db.ProfessionalDifferences.Add(difference);

        var link = $"/differences/{difference.Id}";
        await FollowUpStory.WriteAsync(db, childId, actor.AgencyId!.Value, actor.PractitionerId, actor.Name, EventType.DifferenceRaised,
            $"{actor.Name} raised a professional difference with {agencyName}: {concerns}. Outcome sought: {outcome}. Stage 1 ({first.Name}) answer due by {due.Due:d MMM yyyy HH:mm} UTC", true, ct);
        notify.Tell(await CaseworkAccess.AgencyAroundAsync(db, childId, difference.SubjectAgencyId, ct), childId,
            "A professional difference has been raised with your agency about a child", $"By {actor.Name}. Please answer by {due.Due:d MMM yyyy HH:mm} UTC.", link);
        notify.Tell(await ShareParties.ManagersOfAsync(db, [actor.PractitionerId!.Value], ct), childId,
            "A practitioner you manage raised a professional difference", $"{actor.Name} raised it with {agencyName}.", link);
        db.Audit(AuditActions.DifferenceRaised, childId, subject: $"ProfessionalDifference:{difference.Id}",
            detail: JsonSerializer.Serialize(new { subjectAgency = difference.SubjectAgencyId, link = difference.Link.ToString(), linkId = difference.LinkId }));
        await db.SaveChangesAsync(ct);
        return difference.Id;
    }

    /// <summary>Records that someone took the urgent route instead of raising a difference (nothing else is saved).</summary>
    public async Task<Result<bool>> BypassAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenForWorkAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        db.Audit(AuditActions.DifferenceBypassedForImmediateRisk, childId, reason: "Immediate risk of significant harm: urgent route offered");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
