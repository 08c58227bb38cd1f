using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Partnership;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Meetings;

/// <summary>
/// Who to tell about a meeting: the people each invitation is addressed to — the practitioner invited, or the members
/// of the team invited; for an older invitation naming neither, its agency's front door team.
/// The same people <see cref="MeetingAccess"/> lets answer, so no one is told of a meeting they cannot open.
/// </summary>
internal static class MeetingParties
{
    public static async Task<List<Party>> InviteeAsync(ChildStoryDbContext db, MeetingInvitation invitation, CancellationToken ct)
    {
        if (invitation.PractitionerId is { } pid)
        {
            return await ShareParties.PractitionerAsync(db, pid, ct);
        }
        if (invitation.TeamId is { } teamId)
        {
            return await ShareParties.TeamAsync(db, teamId, ct);
        }
        return await ShareParties.Select(db.Practitioners.AsNoTracking().Where(p => p.IsActive && p.AgencyId == invitation.AgencyId
            && p.Team != null && p.Team.IsActive && p.Team.Function == TeamFunction.FrontDoor), ct);
    }

    public static async Task<List<Party>> InvitedAsync(ChildStoryDbContext db, Meeting meeting, CancellationToken ct)
    {
        var invited = new List<Party>();
        foreach (var invitation in meeting.Invitations)
        {
            invited.AddRange(await InviteeAsync(db, invitation, ct));
        }
        return invited;
    }
}
