using System.Globalization;
using ChildStory.Common;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Children;

namespace ChildStory.Features.Chronology;

/// <summary>
/// An event as a practitioner types it on the story page (adding, or amending with a reason). Dates are UK
/// day-first; the time is optional (an entry "on 3 March" is kept at midday UTC, or now if that is still to come today).
/// </summary>
public sealed record PractitionerEventForm(
    string? Type, string? OccurredOn, string? OccurredTime, string? Summary, string? Details, bool Significant, string? Verification,
    string? Reason = null, bool EnteredInError = false);

internal static class PractitionerEventValidation
{
    public sealed record Values(EventType Type, DateTimeOffset OccurredAt, string Summary, string? Details, bool Significant, Verification Verification, string? Reason);

    public static (Values? Values, ValidationErrors Errors) Check(PractitionerEventForm form, DateTimeOffset now, bool amending)
    {
        var errors = new ValidationErrors();
        EventType type = default;
        if (string.IsNullOrWhiteSpace(form.Type) || !Enum.TryParse(form.Type, ignoreCase: true, out type) || int.TryParse(form.Type, out _)
            || (!amending && !EventTypes.RecordableByPractitioners.Contains(type)))
        {
            errors.Add("Type", "Select what kind of event this is");
        }
        DateTimeOffset occurred = default;
        if (string.IsNullOrWhiteSpace(form.OccurredOn))
        {
            errors.Add("OccurredOn", "Enter the date it happened");
        }
        else if (!DateInput.TryParse(form.OccurredOn, out var day))
        {
            errors.Add("OccurredOn", "The date it happened must be a real date, like 27/3/2024");
        }
        else
        {
            var time = new TimeOnly(12, 0);
            if (!string.IsNullOrWhiteSpace(form.OccurredTime) && !TimeOnly.TryParseExact(form.OccurredTime.Trim(), ["H:mm", "HH:mm", "H.mm", "HHmm"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
            {
                errors.Add("OccurredTime", "The time must be a 24-hour time, like 14:30");
            }
            occurred = new DateTimeOffset(day.ToDateTime(time), TimeSpan.Zero);
            if (string.IsNullOrWhiteSpace(form.OccurredTime) && occurred > now && DateOnly.FromDateTime(now.UtcDateTime) == day)
            {
                // "Today" with no time: midday may not have come yet; it happened by now.
                occurred = now;
            }
            if (occurred > now.AddMinutes(5))
            {
                errors.Add("OccurredOn", "The date it happened cannot be in the future");
            }
            else if (day.Year < 1900)
            {
                errors.Add("OccurredOn", "The date it happened must be after 1900");
            }
        }
        errors.Require("Summary", form.Summary, "Enter a one-line summary of what happened")
            .MaxLength("Summary", form.Summary, 500, "The summary")
            .MaxLength("Details", form.Details, 8000, "The details");
        Verification verification = default;
        if (string.IsNullOrWhiteSpace(form.Verification) || !Enum.TryParse(form.Verification, ignoreCase: true, out verification) || int.TryParse(form.Verification, out _))
        {
            errors.Add("Verification", "Say whether you saw or checked this yourself, or were told it by someone else");
        }
        if (amending)
        {
            errors.Require("Reason", form.Reason, "Say why you are amending this entry").MaxLength("Reason", form.Reason, 1000, "The reason");
        }
        if (errors.Any)
        {
            return (null, errors);
        }
        return (new Values(type, occurred, form.Summary!.Trim(), string.IsNullOrWhiteSpace(form.Details) ? null : form.Details.Trim(), form.Significant,
            verification, form.Reason?.Trim()), errors);
    }
}
