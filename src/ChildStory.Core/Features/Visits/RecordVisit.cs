using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Visits;

public enum VisitPlace
{
    Home,
    School,
    Office,
    Community,
    Hospital,
    TelephoneOrVideo,
}

public sealed record VisitForm(
    VisitPlace? Place, DateTimeOffset? OccurredAt, bool? Planned, bool? Successful, bool? ChildSeen, bool? ChildSeenAlone, bool? BedroomSeen,
    string? WhoWasSeen, string? Summary);

/// <summary>
/// Records a visit or an attempt to see the child or family — planned or not, successful or not, whether the child
/// was seen, seen alone, and (at home) whether their bedroom was seen. Every attempt counts, the failed ones most:
/// a run of "no reply" is the silence ChildStory exists to notice. It lands in the story and feeds "last seen".
/// </summary>
public sealed class RecordVisit(ChildStoryDbContext db, CaseworkAccess access)
{
    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, VisitForm form, CancellationToken ct = default)
    {
        var opened = await access.OpenForWorkAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var now = db.Time.GetUtcNow();
        var errors = new ValidationErrors();
        if (form.Place is null) { errors.Add("Place", "Choose where the visit was, or that it was by telephone or video"); }
        if (form.OccurredAt is null) { errors.Add("OccurredAt", "Enter the date and time of the visit or attempt"); }
        else if (form.OccurredAt > now.AddMinutes(5)) { errors.Add("OccurredAt", "A visit cannot be recorded before it happens"); }
        else if (form.OccurredAt < now.AddYears(-2)) { errors.Add("OccurredAt", "The visit must be within the last two years"); }
        if (form.Planned is null) { errors.Add("Planned", "Say whether the visit was planned"); }
        if (form.Successful is null) { errors.Add("Successful", "Say whether you saw or spoke to the family"); }
        if (form.ChildSeen is null) { errors.Add("ChildSeen", "Say whether the child was seen"); }
        if (form.ChildSeen == true && form.ChildSeenAlone is null) { errors.Add("ChildSeenAlone", "Say whether the child was seen alone"); }
        if (form.ChildSeen == true && form.Successful == false) { errors.Add("ChildSeen", "If the child was seen, the visit was not unsuccessful"); }
        if (form.Place == VisitPlace.Home && form.ChildSeen == true && form.BedroomSeen is null) { errors.Add("BedroomSeen", "Say whether you saw the child's bedroom"); }
        if (form.Place != VisitPlace.Home && form.BedroomSeen == true) { errors.Add("BedroomSeen", "A bedroom can only be seen on a home visit"); }
        var summary = form.Summary?.Trim() ?? "";
        if (summary.Length == 0) { errors.Add("Summary", form.Successful == false ? "Say what happened (no reply, refused entry, not at school…)" : "Summarise the visit"); }
        errors.MaxLength("Summary", summary, 4_000, "The summary").MaxLength("WhoWasSeen", form.WhoWasSeen, 300, "Who was seen");
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var seen = form.ChildSeen!.Value;
        var type = form.Successful!.Value
            ? form.Place == VisitPlace.Home ? EventType.HomeVisit : EventType.Visit
            : EventType.ContactAttempt;
        var headline = $"{Describe(form.Place!.Value)}{(form.Planned!.Value ? "" : " (unplanned)")}: "
            + (form.Successful.Value ? seen ? form.ChildSeenAlone == true ? "child seen alone" : "child seen, not alone" : "child not seen" : "no contact made")
            + (form.BedroomSeen == true ? "; bedroom seen" : form.Place == VisitPlace.Home && seen ? "; bedroom not seen" : "")
            + (string.IsNullOrWhiteSpace(form.WhoWasSeen) ? "" : $". Seen: {form.WhoWasSeen.Trim()}");
        var child = await db.People.AsNoTracking().Where(p => p.Id == childId)
            .Select(p => new EventSubject(p.GivenName, p.FamilyName, p.DateOfBirth, null, null, p.NhsNumber, p.Upn, null)).SingleAsync(ct);
        var e = ChronologyEvent.EnteredInChildStory(Guid.NewGuid(), actor.AgencyId!.Value, actor.PractitionerId!.Value, actor.Name, type,
            form.OccurredAt!.Value.ToUniversalTime(), now, headline.Length <= 500 ? headline : headline[..497] + "…", child, childId);
        e.Describe(summary, significant: !form.Successful.Value && form.Planned.Value, Verification.Verified,
            new EventFacts(Planned: form.Planned, Successful: form.Successful, ChildSeen: seen, ChildSeenAlone: seen ? form.ChildSeenAlone : null,
                BedroomSeen: form.Place == VisitPlace.Home && seen ? form.BedroomSeen : null));
        db.ChronologyEvents.Add(e);
        db.Audit(AuditActions.VisitRecorded, childId, subject: $"ChronologyEvent:{e.Id}", detail: JsonSerializer.Serialize(new { type = type.ToString(), seen }));
        await db.SaveChangesAsync(ct);
        return e.Id;
    }

    public static string Describe(VisitPlace place) => place switch
    {
        VisitPlace.Home => "Home visit",
        VisitPlace.School => "Visit at school",
        VisitPlace.Office => "Office appointment",
        VisitPlace.Community => "Visit in the community",
        VisitPlace.Hospital => "Visit in hospital",
        _ => "Telephone or video call",
    };
}
