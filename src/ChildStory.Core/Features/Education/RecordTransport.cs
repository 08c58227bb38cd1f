using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Education;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Education;

/// <summary>Home-to-school transport is needed for a school place starting on a date; its start is recorded later (<see cref="UpdateEducation"/>).</summary>
public sealed class RecordTransport(ChildStoryDbContext db, EducationAccess access)
{
    public sealed record Input(Guid? SchoolId, DateOnly? PlaceStartsOn, string? Note);

    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, Input input, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var errors = new ValidationErrors();
        var school = await access.SchoolOnRollAsync(childId, input.SchoolId, ct);
        if (school is null) { errors.Add("SchoolId", "Choose the school, one that holds the child on roll"); }
        if (input.PlaceStartsOn is null) { errors.Add("PlaceStartsOn", "Enter the date the school place starts"); }
        errors.MaxLength("Note", input.Note, 1_000, "The note");
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var transport = new TransportArrangement(Guid.NewGuid(), childId, input.SchoolId!.Value, input.PlaceStartsOn!.Value, input.Note?.Trim());
        db.TransportArrangements.Add(transport);
        await access.RecordAsync(actor, childId, EventType.EducationRecorded, $"School transport needed to {school} for a place starting {input.PlaceStartsOn:d MMM yyyy}",
            $"TransportArrangement:{transport.Id}", false, ct);
        await db.SaveChangesAsync(ct);
        return transport.Id;
    }
}
