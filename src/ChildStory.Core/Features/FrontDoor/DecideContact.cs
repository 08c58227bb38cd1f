using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.FrontDoor;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.FrontDoor;

/// <summary>
/// A front-door practitioner decides a contact — no further action, advice, early help, a child in need assessment or
/// a strategy discussion — with the rationale, once. The decision and its reasons land in the child's story. A decision
/// to assess (or to hold a strategy discussion, which leads to one) starts the 45-working-day child and family
/// assessment clock from when the contact was received.
/// </summary>
public sealed class DecideContact(ChildStoryDbContext db, Calendar.PartnershipCalendar calendar, Microsoft.Extensions.Options.IOptions<TeamAroundChild.CaseworkOptions> options)
{
    public async Task<Result<bool>> RunAsync(Actor actor, Guid contactId, string? decision, string? rationale, CancellationToken ct = default)
    {
        if (!await FrontDoorStaff.IsStaffAsync(db, actor, ct))
        {
            return Error.Forbidden("Only the front door decides contacts");
        }
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return Error.NotFound("Contact");
        }
        var errors = new ValidationErrors();
        FrontDoorDecision? chosen = Enum.TryParse<FrontDoorDecision>(decision, out var d) && !int.TryParse(decision, out _) ? d : null;
        if (chosen is null) { errors.Add("Decision", "Select the decision"); }
        var why = rationale?.Trim() ?? "";
        if (why.Length == 0) { errors.Add("Rationale", "Record the rationale for the decision"); }
        else if (why.Length > 4_000) { errors.Add("Rationale", "The rationale must be 4,000 characters or fewer"); }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var now = db.Time.GetUtcNow();
        var decided = contact.Decide(chosen!.Value, why, actor.PractitionerId!.Value, actor.Name, now);
        if (!decided.Succeeded)
        {
            return decided.Error!;
        }
        await FollowUpStory.WriteAsync(db, contact.ChildId, actor.AgencyId!.Value, actor.PractitionerId, actor.Name, EventType.FrontDoorDecision,
            $"Front-door decision on the {Contact.Words(contact.Source).ToLowerInvariant()} from {contact.From}: {Contact.Words(chosen.Value)}{(contact.IsOverdue(now) ? " (decided after it was due)" : "")}. Rationale: {why}",
            chosen is FrontDoorDecision.StrategyDiscussion, ct);
        if (chosen is FrontDoorDecision.ChildInNeedAssessment or FrontDoorDecision.StrategyDiscussion
            && !await db.Timescales.AnyAsync(t => t.ChildId == contact.ChildId && t.Kind == Domain.Casework.TimescaleKind.ChildAndFamilyAssessment
                && t.Status == Domain.Casework.TimescaleStatus.Open, ct))
        {
            Timescales.TimescaleClock.Start(db, await calendar.GetAsync(db, ct), options.Value, contact.ChildId, Domain.Casework.TimescaleKind.ChildAndFamilyAssessment,
                contact.ReceivedAt, $"Front-door decision by {actor.Name}", actor.TeamId ?? await Timescales.TimescaleClock.ResponsibleTeamAsync(db, contact.ChildId, ct),
                contactId: contact.Id);
        }
        db.Audit(AuditActions.ContactDecided, contact.ChildId, subject: $"Contact:{contact.Id}", detail: $"{{\"decision\":\"{chosen}\"}}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Someone else decided this contact at the same moment; look again");
        }
        return true;
    }
}
