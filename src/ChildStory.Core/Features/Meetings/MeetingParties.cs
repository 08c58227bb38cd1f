using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;

namespace ChildStory.Features.Meetings;

/// <summary>Who to tell about a meeting: a named invitee, or for an agency invited without a name, its people working with the child.</summary>
internal static class MeetingParties
{
    public static async Task<List<Party>> InviteeAsync(ChildStoryDbContext db, Guid childId, Guid agencyId, Guid? practitionerId, CancellationToken ct) =>
        practitionerId is { } pid
            ? await ShareParties.PractitionerAsync(db, pid, ct)
            : await CaseworkAccess.AgencyAroundAsync(db, childId, agencyId, ct);

    public static async Task<List<Party>> InvitedAsync(ChildStoryDbContext db, Meeting meeting, CancellationToken ct)
    {
        var invited = new List<Party>();
        foreach (var invitation in meeting.Invitations)
        {
            invited.AddRange(await InviteeAsync(db, meeting.ChildId, invitation.AgencyId, invitation.PractitionerId, ct));
        }
        return invited;
    }
}
