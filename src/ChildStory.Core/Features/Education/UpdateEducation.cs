using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Education;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Education;

public enum EducationChange
{
    EndEnrolment,
    EndTimetable,
    ReferToInclusion,
    ContactProvider,
    ReviewPlacement,
    EndPlacement,
    DecideAssessment,
    IssuePlan,
    ReviewPlan,
    CeasePlan,
    ReviewHomeEducation,
    EndHomeEducation,
    EndMissingEducation,
    StartTransport,
}

/// <summary>
/// The later steps of an education record, each a guarded transition on its entity: a roll, timetable, placement or
/// plan ends (ending the involvement it gave), a provider is contacted, a placement or plan reviewed, a plan issued,
/// home education reviewed, transport started. <c>Version</c> (when given) refuses a change to a row someone else
/// changed since the form was opened.
/// </summary>
public sealed class UpdateEducation(ChildStoryDbContext db, EducationAccess access)
{
    public sealed record Input(EducationChange Change, Guid RecordId, DateOnly? On, string? Text = null, AssessmentDecision? Decision = null, int? Version = null);

    public async Task<Result<bool>> RunAsync(Actor actor, Guid childId, Input input, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var today = EducationAccess.Today(db);
        if (input.On is null)
        {
            return Error.Invalid("On", "Enter the date");
        }
        if (input.On > today && input.Change is not EducationChange.EndEnrolment)
        {
            return Error.Invalid("On", "The date cannot be in the future");
        }
        if (input.Text?.Trim().Length > 1_000)
        {
            return Error.Invalid("Text", "The text must be 1000 characters or fewer");
        }
        var on = input.On.Value;
        var (result, summary) = input.Change switch
        {
            EducationChange.EndEnrolment or EducationChange.EndTimetable => await SchoolAsync(childId, input, on, ct),
            EducationChange.ReferToInclusion => await Row(db.Exclusions, childId, input, x => (x.ReferToInclusion(on), $"Referred to the inclusion project on {on:d MMM yyyy}"), ct),
            EducationChange.ContactProvider or EducationChange.ReviewPlacement or EducationChange.EndPlacement => await PlacementAsync(childId, input, on, ct),
            EducationChange.DecideAssessment or EducationChange.IssuePlan or EducationChange.ReviewPlan or EducationChange.CeasePlan => await PlanAsync(childId, input, on, ct),
            EducationChange.ReviewHomeEducation => await Row(db.HomeEducation, childId, input, x => string.IsNullOrWhiteSpace(input.Text)
                ? (Error.Invalid("Text", "Enter what the safeguarding review found"), "")
                : (x.RecordSafeguardingReview(on, input.Text.Trim()), $"Home education safeguarding review on {on:d MMM yyyy}: {input.Text.Trim()}"), ct),
            EducationChange.EndHomeEducation => await Row(db.HomeEducation, childId, input, x => (x.End(on), $"Home education ended on {on:d MMM yyyy}"), ct),
            EducationChange.EndMissingEducation => await Row(db.MissingEducation, childId, input, x => (x.End(on), $"No longer missing education from {on:d MMM yyyy}"), ct),
            _ => await Row(db.TransportArrangements, childId, input, x => (x.Start(on), $"School transport started on {on:d MMM yyyy}"), ct),
        };
        if (!result.Succeeded)
        {
            return result.Error!;
        }
        await access.RecordAsync(actor, childId, EventType.EducationRecorded, summary, $"{input.Change}:{input.RecordId}", false, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Someone else changed this record while you were editing it: reload it and try again.");
        }
        return true;
    }

    private async Task<(Result<bool>, string)> Row<T>(DbSet<T> set, Guid childId, Input input, Func<T, (Result<bool>, string)> change, CancellationToken ct)
        where T : class, Domain.IChildData
    {
        var row = await set.SingleOrDefaultAsync(r => r.ChildId == childId && EF.Property<Guid>(r, "Id") == input.RecordId, ct);
        if (row is null)
        {
            return (Error.NotFound("The education record"), "");
        }
        if (input.Version is { } version)
        {
            db.Entry(row).Property("Version").OriginalValue = version;
        }
        return change(row);
    }

    private async Task<(Result<bool>, string)> SchoolAsync(Guid childId, Input input, DateOnly on, CancellationToken ct)
    {
        if (input.Change == EducationChange.EndTimetable)
        {
            return await Row(db.PartTimeTimetables, childId, input, t => (t.End(on), $"Part-time timetable ended on {on:d MMM yyyy}"), ct);
        }
        Guid? involvement = null;
        var outcome = await Row(db.Enrolments, childId, input, e =>
        {
            involvement = e.InvolvementId;
            return (e.End(on, string.IsNullOrWhiteSpace(input.Text) ? "Left the roll" : input.Text.Trim()), $"Off the school roll from {on:d MMM yyyy}");
        }, ct);
        if (outcome.Item1.Succeeded)
        {
            await access.EndAsync(involvement, on, "Left the school roll", ct);
        }
        return outcome;
    }

    private async Task<(Result<bool>, string)> PlacementAsync(Guid childId, Input input, DateOnly on, CancellationToken ct)
    {
        Guid? involvement = null;
        var outcome = await Row(db.ApPlacements, childId, input, p =>
        {
            involvement = p.InvolvementId;
            return input.Change switch
            {
                EducationChange.ContactProvider => (p.RecordContact(on), $"Placing school or authority in contact with the alternative provider on {on:d MMM yyyy}"),
                EducationChange.ReviewPlacement => (p.Review(on), $"Alternative provision placement reviewed on {on:d MMM yyyy}"),
                _ => (p.End(on), $"Alternative provision placement ended on {on:d MMM yyyy}"),
            };
        }, ct);
        if (outcome.Item1.Succeeded && input.Change == EducationChange.EndPlacement)
        {
            await access.EndAsync(involvement, on, "The alternative provision placement ended", ct);
        }
        return outcome;
    }

    private async Task<(Result<bool>, string)> PlanAsync(Guid childId, Input input, DateOnly on, CancellationToken ct)
    {
        Guid? involvement = null;
        var outcome = await Row(db.EhcPlans, childId, input, p =>
        {
            involvement = p.InvolvementId;
            return input.Change switch
            {
                EducationChange.DecideAssessment when input.Decision is null => (Error.Invalid("Decision", "Choose whether the local authority agreed to assess"), ""),
                EducationChange.DecideAssessment => (p.Decide(input.Decision.Value, on), $"The local authority {(input.Decision == AssessmentDecision.Agreed ? "agreed" : "refused")} to assess on {on:d MMM yyyy}"),
                EducationChange.IssuePlan when string.IsNullOrWhiteSpace(input.Text) => (Error.Invalid("Text", "Enter the setting the plan names"), ""),
                EducationChange.IssuePlan => (p.Issue(on, input.Text.Trim()), $"EHC plan issued on {on:d MMM yyyy}, naming {input.Text.Trim()}"),
                EducationChange.ReviewPlan => (p.Review(on, input.Text?.Trim()), $"EHC plan annual review on {on:d MMM yyyy}"),
                _ => (p.Cease(on), $"EHC plan ceased on {on:d MMM yyyy}"),
            };
        }, ct);
        if (outcome.Item1.Succeeded && (input.Change == EducationChange.CeasePlan || input is { Change: EducationChange.DecideAssessment, Decision: AssessmentDecision.Refused }))
        {
            await access.EndAsync(involvement, on, input.Change == EducationChange.CeasePlan ? "The EHC plan ceased" : "The local authority refused to assess", ct);
        }
        return outcome;
    }
}
