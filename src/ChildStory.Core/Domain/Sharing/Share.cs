namespace ChildStory.Domain.Sharing;

/// <summary>Why the law allows this information to be shared.</summary>
public enum LawfulBasis
{
    /// <summary>The child or family agreed.</summary>
    ConsentGiven,

    /// <summary>Shared without consent to protect the child; the reason must be recorded.</summary>
    SafeguardingWithoutConsent,

    /// <summary>A statutory duty requires it (for example section 47 enquiries); which duty must be recorded.</summary>
    LegalDuty,
}

public enum ShareUrgency
{
    /// <summary>Acknowledge within the hour, day or night.</summary>
    Immediate,

    /// <summary>Acknowledge by close of office hours the same working day.</summary>
    SameWorkingDay,

    /// <summary>Acknowledge within a number of working days.</summary>
    WithinWorkingDays,
}

/// <summary>
/// Information about a child sent by a practitioner to agencies, teams or named practitioners. "It is insufficient
/// to just pass it on, you must always ensure others have received it" (Child One): each recipient must acknowledge
/// it and then record what they did, and silence is chased (<see cref="ShareRecipient"/>). Never deleted.
/// </summary>
public sealed class Share
{
    private Share() { }

    public Share(Guid id, Guid childId, Guid senderId, string senderName, Guid senderAgencyId, string subject, string message,
        LawfulBasis lawfulBasis, string? basisReason, ShareUrgency urgency, int? withinDays, DateTimeOffset sentAt)
    {
        Id = id;
        ChildId = childId;
        SenderId = senderId;
        SenderName = senderName;
        SenderAgencyId = senderAgencyId;
        Subject = subject;
        Message = message;
        LawfulBasis = lawfulBasis;
        BasisReason = basisReason;
        Urgency = urgency;
        WithinDays = withinDays;
        SentAt = sentAt;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }

    /// <summary>The sending practitioner.</summary>
    public Guid SenderId { get; private set; }
    public string SenderName { get; private set; } = "";
    public Guid SenderAgencyId { get; private set; }
    public string Subject { get; private set; } = "";
    public string Message { get; private set; } = "";
    public LawfulBasis LawfulBasis { get; private set; }
    public string? BasisReason { get; private set; }
    public ShareUrgency Urgency { get; private set; }
    public int? WithinDays { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
    public ShareKind Kind { get; private set; }

    /// <summary>For a transfer: what the receiving school or authority must know (null for ordinary shares).</summary>
    public TransferPacket? Packet { get; private set; }
    public List<ShareRecipient> Recipients { get; private set; } = [];

    public void MakeTransfer(TransferPacket packet)
    {
        Kind = ShareKind.Transfer;
        Packet = packet;
    }
    public List<ShareEventLink> Events { get; private set; } = [];
    public List<ShareAttachment> Attachments { get; private set; } = [];
}

public enum ShareKind
{
    Information,

    /// <summary>A child moving school or authority: the packet must be acknowledged, and acknowledging it involves the receiver.</summary>
    Transfer,
}

/// <summary>
/// What goes with a child who moves school or authority (Child B's history and the soft intelligence about him were
/// lost): open concerns, plans, key contacts, soft intelligence, and whether the chronology goes too.
/// </summary>
public sealed record TransferPacket(string OpenConcerns, string? Plans, string? KeyContacts, string? SoftIntelligence, bool IncludesChronology);

/// <summary>A chronology event the sender attached to a share.</summary>
public sealed class ShareEventLink
{
    private ShareEventLink() { }

    public ShareEventLink(Guid shareId, Guid eventId)
    {
        ShareId = shareId;
        EventId = eventId;
    }

    public Guid ShareId { get; private set; }
    public Guid EventId { get; private set; }
}

public enum RecipientKind
{
    Agency,
    Team,
    Practitioner,
}

/// <summary>How far chasing has gone for a recipient who has not acknowledged.</summary>
public enum ChaseStep
{
    None,
    Chased,
    EscalatedToRecipientManager,
    EscalatedToSenderManager,
}

public enum RecipientStatus
{
    Sent,
    Read,
    Acknowledged,
    Actioned,
}

/// <summary>
/// A file sent with a share (a letter, a photograph of a bruise map, a school report). Kept in the database with
/// its SHA-256, never changed or deleted; read only by those who may read the share, and every download is audited.
/// </summary>
public sealed class ShareAttachment
{
    private ShareAttachment() { }

    public ShareAttachment(Guid id, Guid shareId, string fileName, string contentType, byte[] content, DateTimeOffset uploadedAt)
    {
        Id = id;
        ShareId = shareId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.Length;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public Guid ShareId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public DateTimeOffset UploadedAt { get; private set; }
}
