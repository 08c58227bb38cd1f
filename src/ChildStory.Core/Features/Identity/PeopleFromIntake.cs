using ChildStory.Domain.Chronology;
using ChildStory.Domain.People;

namespace ChildStory.Features.Identity;

/// <summary>
/// Makes a new person from an agency's description when nobody we hold matches. Only a description with a family
/// name and a given name or date of birth makes a person: anything less stays unidentified for the front door.
/// Someone aged 18 or over by the description is recorded as an adult (no child's record of their own).
/// </summary>
internal static class PeopleFromIntake
{
    public static bool CanIdentify(EventSubject s) =>
        !string.IsNullOrWhiteSpace(s.FamilyName) && (!string.IsNullOrWhiteSpace(s.GivenName) || s.DateOfBirth is not null);

    public static Person Create(EventSubject s, DateOnly today)
    {
        var person = new Person(Guid.NewGuid(), string.IsNullOrWhiteSpace(s.GivenName) ? "(given name not known)" : s.GivenName.Trim(), s.FamilyName!.Trim(),
            s.DateOfBirth, Gender(s.Sex), isChild: s.DateOfBirth is not { } dob || dob > today.AddYears(-18));
        person.SetDateOfBirth(s.DateOfBirth, estimated: false);
        if (s.NhsNumber is not null) { person.SetNhsNumber(s.NhsNumber); }
        if (s.Upn is not null) { person.SetUpn(s.Upn); }
        person.MarkCreatedFromIntake();
        return person;
    }

    private static Gender Gender(string? sex) => sex?.Trim().ToUpperInvariant() switch
    {
        "F" or "FEMALE" or "GIRL" => Domain.People.Gender.Female,
        "M" or "MALE" or "BOY" => Domain.People.Gender.Male,
        _ => Domain.People.Gender.NotKnown,
    };
}
