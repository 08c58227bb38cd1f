using ChildStory.Data;
using ChildStory.Domain.People;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Children;

/// <summary>Reads the parts of a child's record from the database; access has already been decided by the caller.</summary>
internal static class ChildRecordLoader
{
    public static async Task<ChildRecord> LoadAsync(ChildStoryDbContext db, Guid childId, AccessBasis basis, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var child = await db.People.AsNoTracking()
            .Include(p => p.Names)
            .Include(p => p.Addresses).ThenInclude(a => a.Address)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == childId, ct);

        var relationships = await db.Relationships.AsNoTracking()
            .Where(r => r.ChildId == childId)
            .Select(r => new ChildRecord.FamilyMember(
                r.Kind, r.RelatedPersonId,
                r.RelatedPerson == null ? null : r.RelatedPerson.GivenName + " " + r.RelatedPerson.FamilyName,
                r.RelatedPerson == null ? null : r.RelatedPerson.DateOfBirth,
                r.RelatedPerson != null && r.RelatedPerson.IsChild,
                r.HasParentalResponsibility, r.LivesWithChild, r.IsNotKnown, r.NotKnownReason, r.CreatedBy, r.CreatedAt))
            .ToListAsync(ct);

        var currentAddressIds = child.Addresses.Where(a => a.IsCurrentOn(today)).Select(a => a.AddressId).ToList();
        var household = await db.PersonAddresses.AsNoTracking()
            .Where(pa => currentAddressIds.Contains(pa.AddressId) && pa.PersonId != childId && pa.From <= today && (pa.To == null || pa.To >= today))
            .Join(db.People, pa => pa.PersonId, p => p.Id, (pa, p) => new { p.Id, Name = p.GivenName + " " + p.FamilyName, p.DateOfBirth, p.IsChild, pa.From })
            .ToListAsync(ct);

        var workers = await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == childId)
            .OrderBy(i => i.EndedOn != null).ThenByDescending(i => i.IsLeadProfessional).ThenBy(i => i.StartedOn)
            .Select(i => new ChildRecord.Worker(
                i.Id, i.Agency!.Name, i.Team == null ? null : i.Team.Name,
                i.Practitioner == null ? null : i.Practitioner.GivenName + " " + i.Practitioner.FamilyName,
                i.Practitioner == null ? null : i.Practitioner.JobTitle,
                i.Practitioner == null ? null : i.Practitioner.Email,
                i.Practitioner == null ? null : i.Practitioner.Phone,
                i.Role, i.IsLeadProfessional, i.StartedOn, i.EndedOn, i.EndReason, i.AgencyId, i.PractitionerId, i.HandedOverFromId, i.IntroducedOn))
            .ToListAsync(ct);

        var active = workers.Where(w => w.EndedOn is null || w.EndedOn >= today).ToList();
        var lead = active.FirstOrDefault(w => w.IsLeadProfessional);
        var activeAgencies = active.Where(w => !TeamAroundChild.UniversalServices.IsUniversal(w.Role)).Select(w => w.AgencyId).Distinct().Count();

        return new ChildRecord(
            child.Id, child.GivenName, child.MiddleNames, child.FamilyName, child.DateOfBirth, child.DateOfBirthIsEstimated,
            child.AgeOn(today), child.Gender, child.Ethnicity, child.FirstLanguage, child.InterpreterRequired, child.NhsNumber, child.Upn,
            child.Names.Where(n => n.Kind != NameKind.Legal).Select(n => new ChildRecord.Name(n.Kind, n.GivenName, n.FamilyName)).ToList(),
            child.Addresses.OrderByDescending(a => a.From)
                .Select(a => new ChildRecord.AddressPeriod(a.Address!.ToString(), a.Address.Postcode, a.Kind, a.From, a.To)).ToList(),
            relationships.OrderBy(r => r.Kind).ToList(),
            Household(household.Select(h => new ChildRecord.HouseholdMember(h.Id, h.Name, h.DateOfBirth, h.IsChild, null, h.From)), relationships),
            workers,
            lead,
            // Every child with two or more agencies involved (beyond universal services) needs one lead professional
            // (Child Three: "who is this?").
            LeadProfessionalGap: activeAgencies >= 2 && lead is null,
            basis,
            null);
    }

    /// <summary>
    /// Everyone at the child's current address, and everyone recorded as living with the child even where no
    /// address says so — an adult in the household unknown to the address record is exactly who must be seen.
    /// </summary>
    private static List<ChildRecord.HouseholdMember> Household(IEnumerable<ChildRecord.HouseholdMember> atAddress, IReadOnlyList<ChildRecord.FamilyMember> family)
    {
        var members = atAddress.GroupBy(h => h.PersonId).Select(g => g.OrderBy(h => h.Since).First())
            .Select(h => h with { Relationship = family.FirstOrDefault(r => r.PersonId == h.PersonId)?.Kind })
            .ToList();
        members.AddRange(family
            .Where(f => f.LivesWithChild && f.PersonId is { } id && members.All(m => m.PersonId != id))
            .Select(f => new ChildRecord.HouseholdMember(f.PersonId!.Value, f.Name!, f.DateOfBirth, f.IsChild, f.Kind, null)));
        return members.OrderBy(h => h.DateOfBirth).ToList();
    }
}
