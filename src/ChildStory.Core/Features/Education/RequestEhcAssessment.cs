using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Education;
using ChildStory.Domain.People;

namespace ChildStory.Features.Education;

/// <summary>
/// A request for an EHC needs assessment (from a school, a parent, health or social care) is recorded. The local
/// authority's SEND team joins the team around the child, so it sees the children with assessments and plans.
/// </summary>
public sealed class RequestEhcAssessment(ChildStoryDbContext db, EducationAccess access)
{
    public sealed record Input(DateOnly? RequestedOn, string? RequestedBy, Guid? SendTeamId = null);

    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, Input input, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var errors = new ValidationErrors();
        var today = EducationAccess.Today(db);
        if (input.RequestedOn is null) { errors.Add("RequestedOn", "Enter the date the assessment was requested"); }
        else if (input.RequestedOn > today) { errors.Add("RequestedOn", "The request date cannot be in the future"); }
        errors.Require("RequestedBy", input.RequestedBy, "Enter who asked for the assessment (the school, a parent, health…)")
            .MaxLength("RequestedBy", input.RequestedBy, 200, "Who asked");
        var send = await access.SendTeamAsync(input.SendTeamId, ct);
        if (send is null) { errors.Add("RequestedOn", "The partnership has no SEND team: an administrator adds one (team function SEND) first"); }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var plan = new EhcPlan(Guid.NewGuid(), childId, input.RequestedOn!.Value, input.RequestedBy!.Trim());
        if (await access.InvolveAsync(childId, send!.AgencyId, send.Id, InvolvementRole.CaseOfficer, input.RequestedOn.Value, ct) is { } involvement)
        {
            plan.GrantedBy(involvement);
        }
        db.EhcPlans.Add(plan);
        await access.RecordAsync(actor, childId, EventType.EducationRecorded,
            $"EHC needs assessment requested on {input.RequestedOn:d MMM yyyy} by {input.RequestedBy!.Trim()}; the plan is due within 20 weeks", $"EhcPlan:{plan.Id}", false, ct);
        await db.SaveChangesAsync(ct);
        return plan.Id;
    }
}
