using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Education;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Education;

/// <summary>A school records a part-time timetable for a pupil on its roll: hours a week, start, planned end and review date.</summary>
public sealed class RecordPartTimeTimetable(ChildStoryDbContext db, EducationAccess access)
{
    public sealed record Input(Guid? SchoolId, decimal? HoursPerWeek, DateOnly? StartedOn, DateOnly? PlannedEndOn, DateOnly? ReviewOn, string? Reason);

    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, Input input, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var errors = new ValidationErrors();
        var roll = await access.SchoolOnRollAsync(childId, input.SchoolId, ct);
        if (roll is null) { errors.Add("SchoolId", "Choose the school that holds the child on roll"); }
        if (input.HoursPerWeek is not (> 0 and < AlternativeProvisionPlacement.FullTimeHours))
        {
            errors.Add("HoursPerWeek", $"Enter the hours a week, more than 0 and fewer than {AlternativeProvisionPlacement.FullTimeHours:0}");
        }
        if (input.StartedOn is null) { errors.Add("StartedOn", "Enter the date the timetable started"); }
        if (input.PlannedEndOn is null) { errors.Add("PlannedEndOn", "Enter the date the timetable is planned to end"); }
        else if (input.PlannedEndOn < input.StartedOn) { errors.Add("PlannedEndOn", "The planned end must be on or after the start"); }
        if (input.ReviewOn < input.StartedOn) { errors.Add("ReviewOn", "The review date must be on or after the start"); }
        errors.MaxLength("Reason", input.Reason, 1_000, "The reason");
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var timetable = new PartTimeTimetable(Guid.NewGuid(), childId, input.SchoolId!.Value, input.HoursPerWeek!.Value, input.StartedOn!.Value, input.PlannedEndOn!.Value,
            input.ReviewOn, input.Reason?.Trim());
        db.PartTimeTimetables.Add(timetable);
        await access.RecordAsync(actor, childId, EventType.EducationRecorded,
            $"Part-time timetable at {roll}: {input.HoursPerWeek:0.#} hours a week from {input.StartedOn:d MMM yyyy}, planned to end {input.PlannedEndOn:d MMM yyyy}",
            $"PartTimeTimetable:{timetable.Id}", true, ct);
        await db.SaveChangesAsync(ct);
        return timetable.Id;
    }
}
