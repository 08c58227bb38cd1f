using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Partnership;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Meetings;

/// <summary>Whom one invitation is addressed to: a practitioner or a team of an agency, with the name the meeting shows.</summary>
internal sealed record Addressee(Guid AgencyId, Guid? PractitionerId, Guid? TeamId, string AgencyName, string Name);

/// <summary>
/// Turns the organiser's choices into addressed invitations. A practitioner or a team is taken as chosen. An agency
/// chosen without anyone named is resolved to its people working with the child (its lead professional, or its one
/// involvement — the named worker, else the team); when it has several the organiser is asked to choose. An agency
/// not working with the child is invited through its front door team, or its one team; never through every member.
/// </summary>
internal static class MeetingAddressees
{
    public static async Task<List<Addressee>> ResolveAsync(ChildStoryDbContext db, Guid childId, IReadOnlyList<Invitee> invitees, ValidationErrors errors, CancellationToken ct)
    {
        var agencyIds = invitees.Select(i => i.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id) && a.IsActive).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var teams = await db.Teams.AsNoTracking().Where(t => agencyIds.Contains(t.AgencyId) && t.IsActive).OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.AgencyId, t.Name, t.Function }).ToListAsync(ct);
        var today = CaseworkAccess.Today(db);
        var around = await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == childId && agencyIds.Contains(i.AgencyId) && (i.EndedOn == null || i.EndedOn >= today))
            .OrderByDescending(i => i.IsLeadProfessional).ThenBy(i => i.StartedOn)
            .Select(i => new { i.AgencyId, i.PractitionerId, i.TeamId, i.IsLeadProfessional }).ToListAsync(ct);
        var practitionerIds = invitees.Where(i => i.PractitionerId != null).Select(i => i.PractitionerId!.Value)
            .Concat(around.Where(i => i.PractitionerId != null).Select(i => i.PractitionerId!.Value)).Distinct().ToList();
        var practitioners = await db.Practitioners.AsNoTracking().Where(p => practitionerIds.Contains(p.Id) && p.IsActive)
            .ToDictionaryAsync(p => p.Id, p => new { p.AgencyId, Name = p.GivenName + " " + p.FamilyName }, ct);

        Addressee? Person(Guid agencyId, Guid id) =>
            practitioners.TryGetValue(id, out var p) && p.AgencyId == agencyId ? new(agencyId, id, null, agencies[agencyId], $"{p.Name}, {agencies[agencyId]}") : null;
        Addressee? Team(Guid agencyId, Guid id) =>
            teams.FirstOrDefault(t => t.Id == id && t.AgencyId == agencyId) is { } t ? new(agencyId, null, id, agencies[agencyId], $"{t.Name}, {agencies[agencyId]}") : null;

        var resolved = new List<Addressee>();
        foreach (var invitee in invitees)
        {
            if (!agencies.ContainsKey(invitee.AgencyId))
            {
                errors.Add("Invitees", "An invitee is not an active agency, team or practitioner of the partnership");
                continue;
            }
            if (invitee.PractitionerId is not null || invitee.TeamId is not null)
            {
                var chosen = invitee.PractitionerId is { } pid ? Person(invitee.AgencyId, pid) : Team(invitee.AgencyId, invitee.TeamId!.Value);
                if (chosen is null)
                {
                    errors.Add("Invitees", "An invitee is not an active agency, team or practitioner of the partnership");
                    continue;
                }
                resolved.Add(chosen);
                continue;
            }
            // The agency's people working with the child, the lead professional first; a worker who has left leaves the team.
            var working = around.Where(i => i.AgencyId == invitee.AgencyId)
                .Select(i => (Lead: i.IsLeadProfessional, To: (i.PractitionerId is { } p ? Person(invitee.AgencyId, p) : null) ?? (i.TeamId is { } t ? Team(invitee.AgencyId, t) : null)))
                .Where(x => x.To is not null).DistinctBy(x => (x.To!.PractitionerId, x.To.TeamId)).ToList();
            var frontDoor = teams.Where(t => t.AgencyId == invitee.AgencyId && t.Function == TeamFunction.FrontDoor).Select(t => t.Id).ToList();
            var only = teams.Where(t => t.AgencyId == invitee.AgencyId).Select(t => t.Id).ToList();
            var addressee = working.Count switch
            {
                1 => working[0].To,
                > 1 when working[0].Lead => working[0].To,
                > 1 => null,
                _ when frontDoor.Count > 0 => Team(invitee.AgencyId, frontDoor[0]),
                _ when only.Count == 1 => Team(invitee.AgencyId, only[0]),
                _ => null,
            };
            if (addressee is null)
            {
                errors.Add("Invitees", working.Count > 1
                    ? $"Several people or teams at {agencies[invitee.AgencyId]} work with the child: choose whom to invite"
                    : $"{agencies[invitee.AgencyId]} does not work with the child and has no front door: invite one of its teams or practitioners");
                continue;
            }
            resolved.Add(addressee);
        }
        return resolved.DistinctBy(a => (a.PractitionerId, a.TeamId)).ToList();
    }
}
