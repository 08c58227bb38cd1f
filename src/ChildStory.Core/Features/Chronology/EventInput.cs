using ChildStory.Common;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Children;
using ChildStory.Identifiers;

namespace ChildStory.Features.Chronology;

/// <summary>One event as an agency system sends it (API or import file). Everything is optional here so that
/// validation, not deserialisation, says what is missing.</summary>
public sealed record EventInput(
    string? IdempotencyKey, string? Type, DateTimeOffset? OccurredAt, DateTimeOffset? RecordedAt, string? Author,
    string? Summary, string? Details, bool? Significant, string? Verification, string? Sensitivity, string? SensitiveContact,
    SubjectInput? Subject, bool? ChildPresent = null, bool? DomesticAbuse = null, bool? Planned = null, bool? Successful = null,
    bool? ChildSeen = null, bool? ChildSeenAlone = null, DateTimeOffset? PeriodEnd = null, decimal? AttendancePercent = null,
    bool? BedroomSeen = null, IReadOnlyList<string>? Concerns = null);

/// <summary>The person as the sender knows them. At least one identifier, or a family name with a date of birth.</summary>
public sealed record SubjectInput(
    string? GivenName, string? FamilyName, string? DateOfBirth, string? Sex, string? Postcode, string? NhsNumber, string? Upn, string? Reference);

/// <summary>Checks one input and builds its event, or says field by field what is wrong.</summary>
internal static class EventInputValidation
{
    public static (ChronologyEvent? Event, ValidationErrors Errors) Build(EventInput input, Guid agencyId, DateTimeOffset now)
    {
        var errors = new ValidationErrors()
            .Require("idempotencyKey", input.IdempotencyKey, "Give each event a unique key (your system's event id will do)")
            .MaxLength("idempotencyKey", input.IdempotencyKey, 200, "idempotencyKey")
            .Require("author", input.Author, "Say who recorded the event")
            .MaxLength("author", input.Author, 200, "author")
            .Require("summary", input.Summary, "Give a one-line summary of what happened")
            .MaxLength("summary", input.Summary, 500, "summary")
            .MaxLength("details", input.Details, 8000, "details")
            .MaxLength("sensitiveContact", input.SensitiveContact, 300, "sensitiveContact");
        EventType type = default;
        if (string.IsNullOrWhiteSpace(input.Type) || !Enum.TryParse(input.Type, ignoreCase: true, out type) || int.TryParse(input.Type, out _))
        {
            errors.Add("type", $"type must be one of: {string.Join(", ", Enum.GetNames<EventType>())}");
        }
        Verification verification = default;
        if (string.IsNullOrWhiteSpace(input.Verification) || !Enum.TryParse(input.Verification, ignoreCase: true, out verification) || int.TryParse(input.Verification, out _))
        {
            errors.Add("verification", "verification must be Verified (checked or seen first hand) or Hearsay (reported, not checked)");
        }
        var sensitivity = Sensitivity.None;
        if (!string.IsNullOrWhiteSpace(input.Sensitivity) && (!Enum.TryParse(input.Sensitivity, ignoreCase: true, out sensitivity) || int.TryParse(input.Sensitivity, out _)))
        {
            errors.Add("sensitivity", $"sensitivity must be one of: {string.Join(", ", Enum.GetNames<Sensitivity>())}");
        }
        else if (sensitivity != Sensitivity.None && string.IsNullOrWhiteSpace(input.SensitiveContact))
        {
            errors.Add("sensitiveContact", "A sensitive entry must say whom other agencies should ask about it");
        }
        if (input.OccurredAt is not { } occurred)
        {
            errors.Add("occurredAt", "Say when the event happened (ISO 8601 with offset, e.g. 2026-03-14T21:30:00Z)");
        }
        else if (occurred > now.AddDays(1))
        {
            errors.Add("occurredAt", "occurredAt is in the future");
        }
        var recorded = input.RecordedAt ?? now;
        if (input.OccurredAt is { } o && recorded < o)
        {
            errors.Add("recordedAt", "recordedAt cannot be before occurredAt");
        }
        if (input.AttendancePercent is < 0 or > 100)
        {
            errors.Add("attendancePercent", "attendancePercent must be between 0 and 100");
        }
        var subject = Subject(input.Subject, errors);
        var unknownConcerns = new List<string>();
        var concerns = Domain.Chronology.Concerns.Parse(input.Concerns, unknownConcerns);
        if (unknownConcerns.Count > 0)
        {
            errors.Add("concerns", $"Unknown concern(s) {string.Join(", ", unknownConcerns.Select(c => $"'{c}'"))}; known: {string.Join(", ", Enum.GetNames<Domain.Chronology.Concern>().Skip(1))}");
        }
        if (errors.Any)
        {
            return (null, errors);
        }
        var e = new ChronologyEvent(Guid.NewGuid(), agencyId, input.IdempotencyKey!.Trim(), type, input.OccurredAt!.Value.ToUniversalTime(),
            recorded.ToUniversalTime(), now, input.Author!.Trim(), input.Summary!.Trim(), subject!);
        e.Describe(string.IsNullOrWhiteSpace(input.Details) ? null : input.Details.Trim(), input.Significant ?? false, verification,
            new EventFacts(input.ChildPresent, input.DomesticAbuse, input.Planned, input.Successful, input.ChildSeen, input.ChildSeenAlone,
                input.PeriodEnd?.ToUniversalTime(), input.AttendancePercent, input.BedroomSeen));
        e.MarkSensitive(sensitivity, input.SensitiveContact?.Trim());
        e.Flag(concerns);
        return (e, errors);
    }

    private static EventSubject? Subject(SubjectInput? s, ValidationErrors errors)
    {
        if (s is null)
        {
            errors.Add("subject", "Say whom the event is about: an NHS number, UPN or your reference, or a family name and date of birth");
            return null;
        }
        string? nhs = null, upn = null;
        if (!string.IsNullOrWhiteSpace(s.NhsNumber))
        {
            var parsed = NhsNumber.Parse(s.NhsNumber);
            if (parsed.IsValid) { nhs = parsed.Value; } else { errors.Add("subject.nhsNumber", parsed.Problem); }
        }
        if (!string.IsNullOrWhiteSpace(s.Upn))
        {
            var parsed = UniquePupilNumber.Parse(s.Upn);
            if (parsed.IsValid) { upn = parsed.Value; } else { errors.Add("subject.upn", parsed.Problem); }
        }
        DateOnly? dob = null;
        if (!string.IsNullOrWhiteSpace(s.DateOfBirth))
        {
            if (DateInput.TryParse(s.DateOfBirth, out var d)) { dob = d; } else { errors.Add("subject.dateOfBirth", "dateOfBirth must be a real date, like 2012-03-27"); }
        }
        errors.MaxLength("subject.givenName", s.GivenName, 100, "givenName").MaxLength("subject.familyName", s.FamilyName, 100, "familyName")
            .MaxLength("subject.reference", s.Reference, 100, "reference").MaxLength("subject.postcode", s.Postcode, 10, "postcode")
            .MaxLength("subject.sex", s.Sex, 20, "sex");
        var identifiable = nhs is not null || upn is not null || !string.IsNullOrWhiteSpace(s.Reference) || (!string.IsNullOrWhiteSpace(s.FamilyName) && dob is not null);
        if (!identifiable && !errors.Any)
        {
            errors.Add("subject", "Say whom the event is about: an NHS number, UPN or your reference, or a family name and date of birth");
        }
        return new EventSubject(s.GivenName?.Trim(), s.FamilyName?.Trim(), dob, s.Sex?.Trim(), s.Postcode?.Trim().ToUpperInvariant(), nhs, upn, s.Reference?.Trim());
    }
}
