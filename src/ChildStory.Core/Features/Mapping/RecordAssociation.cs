using System.Text.Json;
using System.Text.RegularExpressions;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Exploitation;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Mapping;

/// <summary>What a link is to.</summary>
public enum LinkTarget
{
    /// <summary>A child or young person in this partnership (matched by name and date of birth to a record, if there is one).</summary>
    Child,

    /// <summary>A child from another local authority: a limited entry with whom to contact there, never their record.</summary>
    OutOfAreaChild,
    Adult,

    /// <summary>Someone already in this child's network or family.</summary>
    Existing,
    Place,
}

public sealed record AssociationForm(
    LinkTarget? Target, AssociationKind? Kind,
    string? GivenName, string? FamilyName, DateOnly? DateOfBirth, int? ApproximateAge, string? Authority, string? AuthorityContact, Guid? ExistingPersonId,
    PlaceKind? PlaceKind, string? PlaceName, string? Postcode,
    string? Source, SourceReliability? Reliability, InformationAssessment? Assessment, DateOnly? ObservedOn, string? Note,
    bool Restricted, string? RestrictedContact);

/// <summary>
/// Records a link between a child and a person (peer, friend, associate, partner, family, adult of concern, suspected
/// exploiter) or a place, vehicle or online handle, with its source, when it was seen and its reliability grade.
/// People are found before they are made: a child by name and date of birth among ChildStory's records, an adult by
/// name (and date of birth where both are known) among the people already in networks, a place by its folded name and
/// postcode — so that an adult or a place named for several children shows as one. A restricted link (police
/// intelligence) is read only by the recording agency. The link lands in the child's story.
/// </summary>
public sealed partial class RecordAssociation(ChildStoryDbContext db, CaseworkAccess access)
{
    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, AssociationForm form, CancellationToken ct = default)
    {
        var opened = await access.OpenForWorkAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var today = CaseworkAccess.Today(db);
        var errors = Validate(form, today);
        var child = await db.People.AsNoTracking().Where(p => p.Id == childId).Select(p => new { p.GivenName, p.FamilyName, p.DateOfBirth }).SingleAsync(ct);
        if (form.ObservedOn is { } seen && child.DateOfBirth is { } dob && seen < dob)
        {
            errors.Add("ObservedOn", "The link cannot have been seen before the child was born");
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        Guid? personId = null;
        Guid? placeId = null;
        string label;
        if (form.Target == LinkTarget.Place)
        {
            var place = await FindOrAddPlaceAsync(form.PlaceKind!.Value, form.PlaceName!, form.Postcode, ct);
            placeId = place.Id;
            label = place.ToString();
        }
        else
        {
            var person = await FindOrAddPersonAsync(actor, childId, form, today, errors, ct);
            if (person is null)
            {
                return Error.Invalid(errors);
            }
            personId = person.Id;
            label = person.DisplayName.Trim();
        }
        var kind = form.Kind!.Value;
        if (await db.Associations.AnyAsync(a => a.ChildId == childId && a.Kind == kind && a.PersonId == personId && a.PlaceId == placeId && a.EndedOn == null, ct)
            || (personId is { } other && await db.Associations.AnyAsync(a => a.ChildId == other && a.PersonId == childId && a.Kind == kind && a.EndedOn == null, ct)))
        {
            return Error.Invalid(form.Target == LinkTarget.Place ? "PlaceName" : "GivenName",
                $"This link ({LinkWords.Kind(kind)}: {label}) is already recorded; open it to add to it or dispute it");
        }
        var now = db.Time.GetUtcNow();
        var link = new Association(Guid.NewGuid(), childId, kind, personId, placeId, form.Source!.Trim(), form.Reliability!.Value, form.Assessment!.Value,
            form.ObservedOn!.Value, actor.AgencyId!.Value, actor.PractitionerId, actor.Name, now, Blank(form.Note));
        var agencyKind = await db.Agencies.Where(a => a.Id == actor.AgencyId).Select(a => a.Kind).SingleAsync(ct);
        if (form.Restricted)
        {
            link.Restrict(agencyKind == AgencyKind.Police ? Sensitivity.PoliceIntelligence : Sensitivity.Other, form.RestrictedContact!);
        }
        db.Associations.Add(link);
        var story = await FollowUpStory.WriteAsync(db, childId, actor.AgencyId!.Value, actor.PractitionerId, actor.Name, EventType.AssociationRecorded,
            $"Link recorded: {LinkWords.Kind(kind)} — {label} (source: {link.Source}, graded {link.Grade}, seen {link.ObservedOn:d MMM yyyy})",
            Association.IsOfConcern(kind), ct);
        if (form.Restricted)
        {
            story.MarkSensitive(link.Sensitivity, link.SensitiveContact);
        }
        db.Audit(AuditActions.AssociationRecorded, childId, subject: $"Association:{link.Id}",
            detail: JsonSerializer.Serialize(new { kind = kind.ToString(), target = form.Target.ToString(), restricted = form.Restricted }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (UniqueViolation.IsClash(e))
        {
            return Error.Conflict("Someone recorded the same place at the same moment: record the link again");
        }
        return link.Id;
    }

    private static ValidationErrors Validate(AssociationForm form, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (form.Target is null)
        {
            errors.Add("Target", "Choose who or what the child is linked to");
        }
        if (form.Kind is null)
        {
            errors.Add("Kind", "Choose the kind of link");
        }
        else if (form.Target is { } target && Association.IsPlaceKind(form.Kind.Value) != (target == LinkTarget.Place))
        {
            errors.Add("Kind", target == LinkTarget.Place
                ? "A place, vehicle or online handle is frequented, seen at or used: choose one of those"
                : "A person is a peer, friend, associate, partner, family, an adult of concern or a suspected exploiter: choose one of those");
        }
        switch (form.Target)
        {
            case LinkTarget.Child or LinkTarget.OutOfAreaChild or LinkTarget.Adult:
                if (string.IsNullOrWhiteSpace(form.GivenName))
                {
                    errors.Add("GivenName", "Enter the person’s first name, or the name they are known by");
                }
                errors.MaxLength("GivenName", form.GivenName, 100, "The first name").MaxLength("FamilyName", form.FamilyName, 100, "The last name");
                if (form.DateOfBirth is { } dob && (dob > today || dob < today.AddYears(-100)))
                {
                    errors.Add("DateOfBirth", "The date of birth must be in the past 100 years");
                }
                if (form.ApproximateAge is < 0 or > 100)
                {
                    errors.Add("ApproximateAge", "The approximate age must be between 0 and 100");
                }
                if (form.Target == LinkTarget.Child && form.DateOfBirth is null && form.ApproximateAge is null)
                {
                    errors.Add("DateOfBirth", "Enter the child’s date of birth, or their approximate age");
                }
                if (form.Target != LinkTarget.Adult && (form.DateOfBirth is { } d && d < today.AddYears(-18) || form.ApproximateAge >= 18))
                {
                    errors.Add("DateOfBirth", "A child is under 18: record an adult as an adult");
                }
                if (form.Target == LinkTarget.OutOfAreaChild)
                {
                    if (string.IsNullOrWhiteSpace(form.Authority)) { errors.Add("Authority", "Enter the local authority that knows the child"); }
                    if (string.IsNullOrWhiteSpace(form.AuthorityContact)) { errors.Add("AuthorityContact", "Enter whom to contact in that authority"); }
                    errors.MaxLength("Authority", form.Authority, 200, "The authority").MaxLength("AuthorityContact", form.AuthorityContact, 300, "The contact");
                }
                break;
            case LinkTarget.Existing when form.ExistingPersonId is null:
                errors.Add("ExistingPersonId", "Choose the person from the child’s network or family");
                break;
            case LinkTarget.Place:
                if (form.PlaceKind is null) { errors.Add("PlaceKind", "Choose what kind of place it is"); }
                if (string.IsNullOrWhiteSpace(form.PlaceName)) { errors.Add("PlaceName", "Name the place, the vehicle (make and registration) or the handle (and the app)"); }
                errors.MaxLength("PlaceName", form.PlaceName, 200, "The name");
                if (!string.IsNullOrWhiteSpace(form.Postcode) && !Postcode().IsMatch(form.Postcode.Trim()))
                {
                    errors.Add("Postcode", "Enter a full UK postcode, like LS1 4AP, or leave it blank");
                }
                if (form.Kind == AssociationKind.Uses && form.PlaceKind is not (PlaceKind.Vehicle or PlaceKind.OnlineHandle))
                {
                    errors.Add("Kind", "A child uses a vehicle or an online handle; a place is frequented or seen at");
                }
                break;
        }
        if (string.IsNullOrWhiteSpace(form.Source))
        {
            errors.Add("Source", "Say where this comes from (the child’s own account, a school observation, a police intelligence report…)");
        }
        errors.MaxLength("Source", form.Source, 300, "The source").MaxLength("Note", form.Note, 1_000, "The note");
        if (form.Reliability is null) { errors.Add("Reliability", "Grade how reliable the source is"); }
        if (form.Assessment is null) { errors.Add("Assessment", "Grade how the source knows it"); }
        if (form.ObservedOn is null) { errors.Add("ObservedOn", "Enter when the link was seen or reported"); }
        else if (form.ObservedOn > today) { errors.Add("ObservedOn", "The date the link was seen cannot be in the future"); }
        if (form.Restricted && string.IsNullOrWhiteSpace(form.RestrictedContact))
        {
            errors.Add("RestrictedContact", "Say whom other agencies should ask about a restricted link");
        }
        errors.MaxLength("RestrictedContact", form.RestrictedContact, 300, "The contact");
        return errors;
    }

    private async Task<Person?> FindOrAddPersonAsync(Actor actor, Guid childId, AssociationForm form, DateOnly today, ValidationErrors errors, CancellationToken ct)
    {
        if (form.Target == LinkTarget.Existing)
        {
            var network = await PeopleAround.IdsAsync(db, actor, childId, ct);
            if (!network.Contains(form.ExistingPersonId!.Value))
            {
                errors.Add("ExistingPersonId", "Choose someone already in this child’s network or family");
                return null;
            }
            return await db.People.SingleAsync(p => p.Id == form.ExistingPersonId, ct);
        }
        var given = form.GivenName!.Trim();
        var family = form.FamilyName?.Trim() ?? "";
        var dob = form.DateOfBirth ?? (form.ApproximateAge is { } age ? new DateOnly(today.Year - age, 7, 1) : null);
        var estimated = form.DateOfBirth is null && dob is not null;
        var givenKey = given.ToLowerInvariant();
        var familyKey = family.ToLowerInvariant();
        List<Person> candidates;
        if (form.Target == LinkTarget.Child && form.DateOfBirth is { } born)
        {
            // A child of this partnership with a record: the same names and date of birth.
            candidates = await db.People.Where(p => p.IsChild && p.MergedIntoId == null && p.DateOfBirth == born
                && p.GivenName.ToLower() == givenKey && p.FamilyName.ToLower() == familyKey).Take(3).ToListAsync(ct);
            if (candidates.Count > 1)
            {
                errors.Add("GivenName", "More than one child in ChildStory has this name and date of birth: choose them from the network, or ask the front door to link them");
                return null;
            }
            if (candidates.Count == 1)
            {
                return SelfCheck(candidates[0], childId, errors);
            }
        }
        // Someone already known only through networks (or an adult in a family): the same names, and the same date of birth where both are known.
        var authority = form.Target == LinkTarget.OutOfAreaChild ? form.Authority!.Trim() : null;
        candidates = await db.People.Where(p => !p.IsChild && p.MergedIntoId == null && p.HomeAuthority == authority
            && p.GivenName.ToLower() == givenKey && p.FamilyName.ToLower() == familyKey).Take(20).ToListAsync(ct);
        var same = candidates.Where(p => dob is null || p.DateOfBirth is null || (estimated || p.DateOfBirthIsEstimated
            ? Math.Abs(p.DateOfBirth.Value.Year - dob.Value.Year) <= 1
            : p.DateOfBirth == dob)).ToList();
        if (same.Count == 1 && IsChildAge(same[0].DateOfBirth, today) == (form.Target != LinkTarget.Adult))
        {
            return SelfCheck(same[0], childId, errors);
        }
        var person = new Person(Guid.NewGuid(), given, family, null, Gender.NotKnown, isChild: false);
        person.SetDateOfBirth(dob, estimated);
        if (authority is not null)
        {
            person.BelongsTo(authority, form.AuthorityContact!);
        }
        db.People.Add(person);
        return person;
    }

    private static bool IsChildAge(DateOnly? dob, DateOnly today) => dob is null || dob > today.AddYears(-18);

    private static Person? SelfCheck(Person person, Guid childId, ValidationErrors errors)
    {
        if (person.Id != childId)
        {
            return person;
        }
        errors.Add("GivenName", "That is the child whose record this is: a link needs someone else");
        return null;
    }

    private async Task<Place> FindOrAddPlaceAsync(PlaceKind kind, string name, string? postcode, CancellationToken ct)
    {
        var key = Place.KeyOf(kind, name, postcode);
        var place = await db.Places.SingleOrDefaultAsync(p => p.Key == key, ct);
        if (place is null)
        {
            place = new Place(Guid.NewGuid(), kind, name, postcode);
            db.Places.Add(place);
        }
        return place;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*[0-9][A-Za-z]{2}$")]
    private static partial Regex Postcode();
}
