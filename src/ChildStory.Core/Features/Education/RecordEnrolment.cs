using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Education;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Education;

/// <summary>
/// A school takes the child onto its roll from a date. The school's designated safeguarding lead joins the team around
/// the child (a universal-services role, docs/decisions/0003), so the school sees its own pupils.
/// </summary>
public sealed class RecordEnrolment(ChildStoryDbContext db, EducationAccess access)
{
    public sealed record Input(Guid? SchoolId, DateOnly? StartedOn, bool FullTime = true);

    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, Input input, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var errors = new ValidationErrors();
        var school = input.SchoolId is { } id ? await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.IsActive && a.Kind == AgencyKind.School, ct) : null;
        if (school is null) { errors.Add("SchoolId", "Choose the school that holds the child on roll"); }
        var today = EducationAccess.Today(db);
        if (input.StartedOn is null) { errors.Add("StartedOn", "Enter the date the child joined the roll"); }
        else if (input.StartedOn > today.AddDays(60)) { errors.Add("StartedOn", "The date the child joins the roll must be within the next 60 days"); }
        if (school is not null && await db.Enrolments.AnyAsync(e => e.ChildId == childId && e.SchoolId == school.Id && e.EndedOn == null, ct))
        {
            errors.Add("SchoolId", $"The child is already on the roll of {school.Name}");
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var enrolment = new Enrolment(Guid.NewGuid(), childId, school!.Id, input.StartedOn!.Value, input.FullTime);
        if (await access.InvolveAsync(childId, school.Id, null, InvolvementRole.DesignatedSafeguardingLead, input.StartedOn.Value, ct) is { } involvement)
        {
            enrolment.GrantedBy(involvement);
        }
        db.Enrolments.Add(enrolment);
        await access.RecordAsync(actor, childId, EventType.EducationRecorded,
            $"On the roll of {school.Name} from {input.StartedOn:d MMM yyyy}{(input.FullTime ? "" : " (part-time place)")}", $"Enrolment:{enrolment.Id}", false, ct);
        await db.SaveChangesAsync(ct);
        return enrolment.Id;
    }
}
