using ChildStory.Data;
using ChildStory.Domain.Notifications;
using ChildStory.Features.Notifications;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Sharing;

/// <summary>
/// Puts a message in each party's inbox and queues the e-mail saying so, in the caller's transaction. The e-mail
/// carries no case detail: what kind of thing needs them and a link to sign in and read it.
/// </summary>
public sealed class Notifier(ChildStoryDbContext db, IOptions<EmailOptions> email)
{
    public void Tell(IEnumerable<Party> parties, Guid? childId, string title, string body, string link)
    {
        var now = db.Time.GetUtcNow();
        foreach (var party in parties.DistinctBy(p => p.PractitionerId))
        {
            db.Notifications.Add(new Notification(Guid.NewGuid(), party.PractitionerId, childId, title, body, link, now));
            if (!string.IsNullOrWhiteSpace(party.Email))
            {
                db.OutgoingEmails.Add(new OutgoingEmail(Guid.NewGuid(), party.Email, $"ChildStory: {title}",
                    $"Dear {party.Name},\n\n{title}.\n\nSign in to ChildStory to read it: {email.Value.Link(link)}\n\n"
                    + "This e-mail holds no details about the child; they are in ChildStory.\n", now));
            }
        }
    }
}
