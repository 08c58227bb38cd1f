using ChildStory.Domain.Sharing;

namespace ChildStory.Features.Sharing;

/// <summary>
/// What a practitioner fills in to share information about a child, as typed (validated by <see cref="SendShare"/>):
/// recipients are agencies, teams and named practitioners (by work e-mail); linked events are ids from the child's story.
/// </summary>
public sealed record ShareForm(
    string? Subject,
    string? Message,
    string? LawfulBasis,
    string? BasisReason,
    string? Urgency,
    int? WithinDays,
    IReadOnlyList<Guid> AgencyIds,
    IReadOnlyList<Guid> TeamIds,
    IReadOnlyList<string> PractitionerEmails,
    IReadOnlyList<Guid> EventIds,
    TransferPacket? Transfer = null,
    IReadOnlyList<AttachmentInput>? Attachments = null);
