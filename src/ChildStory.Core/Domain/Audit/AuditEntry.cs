using System.Security.Cryptography;
using System.Text;
using ChildStory.Common;

namespace ChildStory.Domain.Audit;

/// <summary>The typed actions written to the audit log.</summary>
public static class AuditActions
{
    public const string ChildViewed = "ChildViewed";
    public const string ChildrenSearched = "ChildrenSearched";
    public const string ChildChanged = "ChildChanged";
    public const string ChildAccessDenied = "ChildAccessDenied";
    public const string AccessLogViewed = "AccessLogViewed";
    public const string GlassBroken = "GlassBroken";
    public const string GlassBreakSearch = "GlassBreakSearch";
    public const string GlassBreakReviewed = "GlassBreakReviewed";
    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string SignedOut = "SignedOut";
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    public const string RecoveryCodeUsed = "RecoveryCodeUsed";
    public const string TwoFactorReset = "TwoFactorReset";
    public const string AdminChange = "AdminChange";
    public const string ApiClientCreated = "ApiClientCreated";
    public const string ApiClientRevoked = "ApiClientRevoked";
    public const string ApiAuthenticationFailed = "ApiAuthenticationFailed";
    public const string DemoDataSeeded = "DemoDataSeeded";
    public const string EventsSubmitted = "EventsSubmitted";
    public const string StoryViewed = "StoryViewed";
    public const string StoryExported = "StoryExported";
    public const string EventViewed = "EventViewed";
    public const string EventAdded = "EventAdded";
    public const string EventAmended = "EventAmended";
    public const string EventsMatched = "EventsMatched";
    public const string MatchReviewed = "MatchReviewed";
    public const string RecordsMerged = "RecordsMerged";
    public const string MergeUndone = "MergeUndone";
    public const string ShareSent = "ShareSent";
    public const string ShareViewed = "ShareViewed";
    public const string ShareAttachmentDownloaded = "ShareAttachmentDownloaded";
    public const string ShareAcknowledged = "ShareAcknowledged";
    public const string ShareActioned = "ShareActioned";
    public const string SharesChased = "SharesChased";
    public const string BankHolidaysImported = "BankHolidaysImported";
    public const string ReferralMade = "ReferralMade";
    public const string ReferralMoved = "ReferralMoved";
    public const string ReferralViewed = "ReferralViewed";
    public const string ReferralsChased = "ReferralsChased";
    public const string ContactRecorded = "ContactRecorded";
    public const string ContactsRaised = "ContactsRaised";
    public const string ContactViewed = "ContactViewed";
    public const string ContactDecided = "ContactDecided";
    public const string InvolvementRecorded = "InvolvementRecorded";
    public const string LeadProfessionalNamed = "LeadProfessionalNamed";
    public const string WorkerHandedOver = "WorkerHandedOver";
    public const string WithdrawalProposed = "WithdrawalProposed";
    public const string WithdrawalContested = "WithdrawalContested";
    public const string WithdrawalDecided = "WithdrawalDecided";
    public const string MeetingScheduled = "MeetingScheduled";
    public const string MeetingUpdated = "MeetingUpdated";
    public const string MeetingViewed = "MeetingViewed";
    public const string MeetingDocumentDownloaded = "MeetingDocumentDownloaded";
    public const string PlanRecorded = "PlanRecorded";
    public const string PlanViewed = "PlanViewed";
    public const string ActionUpdated = "ActionUpdated";
    public const string VisitRecorded = "VisitRecorded";
    public const string TimescaleRecorded = "TimescaleRecorded";
    public const string TeamOverviewViewed = "TeamOverviewViewed";
    public const string AlertDecided = "AlertDecided";
    public const string AlertsViewed = "AlertsViewed";
    public const string RegisterViewed = "RegisterViewed";
    public const string ScreeningRecorded = "ScreeningRecorded";
    public const string ScreeningsViewed = "ScreeningsViewed";
    public const string NrmRecorded = "NrmRecorded";
    public const string MaceRecorded = "MaceRecorded";
    public const string MaceViewed = "MaceViewed";
    public const string AssociationRecorded = "AssociationRecorded";
    public const string AssociationChanged = "AssociationChanged";
    public const string NetworkViewed = "NetworkViewed";
    public const string DifferenceRaised = "DifferenceRaised";
    public const string DifferenceViewed = "DifferenceViewed";
    public const string DifferenceResponded = "DifferenceResponded";
    public const string DifferenceMovedUp = "DifferenceMovedUp";
    public const string DifferenceResolved = "DifferenceResolved";
    public const string DifferenceAccessDenied = "DifferenceAccessDenied";
    public const string DifferenceBypassedForImmediateRisk = "DifferenceBypassedForImmediateRisk";
    public const string DifferencesLearningViewed = "DifferencesLearningViewed";
    public const string EducationRecorded = "EducationRecorded";
    public const string EducationViewed = "EducationViewed";
    public const string EducationListViewed = "EducationListViewed";
    public const string AttendanceImported = "AttendanceImported";
}

/// <summary>
/// One append-only entry in the audit log. Entries are chained: each hash covers the entry's content and the
/// previous entry's hash, so editing or deleting any entry breaks every hash after it
/// (<c>childstory audit verify</c> finds the first). Sequence numbers are assigned by the writer, in order.
/// </summary>
public sealed class AuditEntry
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, Actor actor, string action, Guid? childId = null, string? subject = null, string? detail = null, string? reason = null)
    {
        Id = Guid.NewGuid();
        // Whole microseconds: the precision both databases keep, so a stored entry hashes as it did when written.
        At = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
        ActorKind = actor.Kind;
        ActorId = actor.Id;
        // The log must never refuse an entry: over-long text is cut to its column (inputs are validated before this).
        ActorName = Cut(actor.Name, 256)!;
        IpAddress = actor.IpAddress;
        Action = action;
        ChildId = childId;
        Subject = Cut(subject, 200);
        Detail = detail;
        Reason = Cut(reason, 2000);
    }

    /// <summary>Row identity; the chain's order is <see cref="Sequence"/>, which is unique and assigned when the entry is written.</summary>
    public Guid Id { get; private set; }
    public long Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public ActorKind ActorKind { get; private set; }
    public Guid ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public string? IpAddress { get; private set; }
    public string Action { get; private set; } = "";
    public Guid? ChildId { get; private set; }

    /// <summary>What the entry is about, as "Type:id" (e.g. "Involvement:…"), when not the child itself.</summary>
    public string? Subject { get; private set; }
    public string? Detail { get; private set; }
    public string? Reason { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    internal void Chain(long sequence, string previousHash)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    /// <summary>The hash this entry should have, given its content and its stored previous hash.</summary>
    public string ComputeHash()
    {
        var canonical = string.Join('\u001f',
            Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ActorKind.ToString(), ActorId.ToString("N"), ActorName, IpAddress ?? "", Action,
            ChildId?.ToString("N") ?? "", Subject ?? "", Detail ?? "", Reason ?? "", PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
