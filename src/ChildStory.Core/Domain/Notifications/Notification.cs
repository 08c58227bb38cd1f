namespace ChildStory.Domain.Notifications;

/// <summary>
/// A message in a practitioner's in-app inbox ("a share about Amelia needs your acknowledgement"), linking to the
/// thing that needs them. Each is also sent by e-mail when the practitioner has an address (<see cref="OutgoingEmail"/>).
/// </summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(Guid id, Guid practitionerId, Guid? childId, string title, string body, string link, DateTimeOffset createdAt)
    {
        Id = id;
        PractitionerId = practitionerId;
        ChildId = childId;
        Title = title;
        Body = body;
        Link = link;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid PractitionerId { get; private set; }
    public Guid? ChildId { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";

    /// <summary>A path within ChildStory, such as /shares/{id}.</summary>
    public string Link { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

/// <summary>
/// An e-mail waiting to go, or gone: written in the same transaction as the change it reports, then delivered by the
/// dispatcher through the partnership's SMTP server with retries, so a mail server being down loses nothing.
/// E-mails carry no case detail: a subject, who it is from and a link to sign in and read it.
/// </summary>
public sealed class OutgoingEmail
{
    private OutgoingEmail() { }

    public OutgoingEmail(Guid id, string to, string subject, string body, DateTimeOffset createdAt)
    {
        Id = id;
        To = to;
        Subject = subject;
        Body = body;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }

    public void Sent(DateTimeOffset now)
    {
        SentAt = now;
        Attempts++;
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>Records a failed attempt; retries back off (1, 2, 4 … minutes, at most an hour) and stop after 10.</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length <= 2000 ? error : error[..2000];
        NextAttemptAt = Attempts >= 10 ? null : now.AddMinutes(Math.Min(60, Math.Pow(2, Attempts - 1)));
    }
}
