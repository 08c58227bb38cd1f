namespace ChildStory.Domain;

/// <summary>
/// Who created and last changed a row, and when. Set only by the data layer's stamping interceptor,
/// never by handlers, so the stamp cannot be forgotten or forged.
/// </summary>
public abstract class Stamped
{
    public DateTimeOffset CreatedAt { get; internal set; }
    public string CreatedBy { get; internal set; } = "";
    public DateTimeOffset UpdatedAt { get; internal set; }
    public string UpdatedBy { get; internal set; } = "";
}

/// <summary>A row that belongs to one child's record; changes to it are written to the audit log against that child.</summary>
public interface IChildData
{
    Guid ChildId { get; }
}
