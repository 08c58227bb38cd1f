using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Education;

namespace ChildStory.Features.Education;

/// <summary>
/// Elective home education from a date (a parent's decision, written to the school and passed to the local authority),
/// or a child missing education: either one is recorded by whoever knows, and lands in the story.
/// </summary>
public sealed class RecordHomeEducation(ChildStoryDbContext db, EducationAccess access)
{
    public sealed record Input(bool MissingEducation, DateOnly? StartedOn, string? Reason);

    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, Input input, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var errors = new ValidationErrors();
        var today = EducationAccess.Today(db);
        if (input.StartedOn is null) { errors.Add("StartedOn", "Enter the date it started"); }
        else if (input.StartedOn > today) { errors.Add("StartedOn", "The date cannot be in the future"); }
        errors.MaxLength("Reason", input.Reason, 1_000, "The reason");
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        Guid id;
        string summary;
        if (input.MissingEducation)
        {
            var episode = new MissingEducation(Guid.NewGuid(), childId, input.StartedOn!.Value, input.Reason?.Trim());
            db.MissingEducation.Add(episode);
            (id, summary) = (episode.Id, $"Missing education from {input.StartedOn:d MMM yyyy}: on no school roll and not educated otherwise");
        }
        else
        {
            var home = new ElectiveHomeEducation(Guid.NewGuid(), childId, input.StartedOn!.Value, input.Reason?.Trim());
            db.HomeEducation.Add(home);
            (id, summary) = (home.Id, $"Electively home educated from {input.StartedOn:d MMM yyyy}{(string.IsNullOrWhiteSpace(input.Reason) ? "" : $": {input.Reason.Trim()}")}");
        }
        // The local authority's education team keeps in touch with home-educated children and finds places for those
        // missing education (Child Three went "off the radar"): it joins the team around the child.
        if (await access.EducationTeamAsync(ct) is { } team)
        {
            await access.InvolveAsync(childId, team.AgencyId, team.Id, Domain.People.InvolvementRole.CaseOfficer, input.StartedOn!.Value, ct);
        }
        await access.RecordAsync(actor, childId, EventType.EducationRecorded, summary, $"{(input.MissingEducation ? "MissingEducation" : "ElectiveHomeEducation")}:{id}", true, ct);
        await db.SaveChangesAsync(ct);
        return id;
    }
}
