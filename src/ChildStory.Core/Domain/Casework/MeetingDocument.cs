namespace ChildStory.Domain.Casework;

/// <summary>A file attached to a meeting — its minutes, as the chair's office wrote them. Kept with a hash of its content; never changed.</summary>
public sealed class MeetingDocument
{
    private MeetingDocument() { }

    public MeetingDocument(Guid id, Guid meetingId, string fileName, string contentType, byte[] content, string uploadedBy, DateTimeOffset uploadedAt)
    {
        Id = id;
        MeetingId = meetingId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.Length;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
}
