using System.Text.Json;
using ChildStory.Common;
using ChildStory.Domain;
using ChildStory.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Data;

/// <summary>
/// Runs before every save: stamps who and when on each changed row, and writes a "child changed" audit entry for
/// each change to a row of a child's record, naming the properties that changed (never their values: the audit
/// log is read more widely than the record).
/// </summary>
internal static class ChangeStamper
{
    public static void Stamp(ChildStoryDbContext db, Actor actor, DateTimeOffset now)
    {
        var changes = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit log is append-only: entries cannot be changed or deleted.");
            }
            if (entry.State == EntityState.Deleted && entry.Entity is Domain.Chronology.ChronologyEvent or Domain.Chronology.EventRevision
                or Domain.Identity.PersonMerge or Domain.Identity.MergeMove or Domain.Identity.MatchReview
                or Domain.Sharing.Share or Domain.Sharing.ShareRecipient or Domain.Sharing.ShareEventLink or Domain.Sharing.ShareAttachment or Domain.Referrals.Referral or Domain.FrontDoor.Contact)
            {
                throw new InvalidOperationException("The chronology, identity decisions and shares are never deleted: amend, mark entered in error, or undo instead.");
            }
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            if (entry.Entity is Stamped stamped && entry.State != EntityState.Deleted)
            {
                if (entry.State == EntityState.Added)
                {
                    stamped.CreatedAt = now;
                    stamped.CreatedBy = actor.Name;
                }
                stamped.UpdatedAt = now;
                stamped.UpdatedBy = actor.Name;
            }
            if (db.AuditChildChanges && entry.Entity is IChildData childData)
            {
                var changed = entry.State == EntityState.Modified
                    ? entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToArray()
                    : [];
                var detail = JsonSerializer.Serialize(new { change = entry.State.ToString(), properties = changed });
                var subject = $"{entry.Metadata.ClrType.Name}:{entry.Property("Id").CurrentValue}";
                changes.Add(new AuditEntry(now, actor, AuditActions.ChildChanged, childData.ChildId, subject, detail));
            }
        }
        db.AuditEntries.AddRange(changes);
        QueueForRules(db, now);
    }

    /// <summary>The kinds of row the safeguarding rules read: a change to one queues its child for the rules.</summary>
    private static readonly HashSet<Type> RuleInputs =
    [
        typeof(Domain.Chronology.ChronologyEvent), typeof(Domain.People.Involvement), typeof(Domain.People.Relationship), typeof(Domain.Casework.Plan),
        typeof(Domain.Referrals.Referral), typeof(Domain.Casework.Withdrawal), typeof(Domain.Casework.Meeting), typeof(Domain.FrontDoor.Contact),
        typeof(Domain.Exploitation.Screening), typeof(Domain.Exploitation.NrmReferral), typeof(Domain.Exploitation.MaceDiscussion), typeof(Domain.Exploitation.Association),
        typeof(Domain.Casework.AgreedAction),
        typeof(Domain.Education.Enrolment), typeof(Domain.Education.AttendanceRecord), typeof(Domain.Education.PartTimeTimetable), typeof(Domain.Education.AlternativeProvisionPlacement),
        typeof(Domain.Education.EhcPlan), typeof(Domain.Education.Exclusion), typeof(Domain.Education.ElectiveHomeEducation), typeof(Domain.Education.MissingEducation),
        typeof(Domain.Education.TransportArrangement),
    ];

    private static void QueueForRules(ChildStoryDbContext db, DateTimeOffset now)
    {
        if (!db.AuditChildChanges)
        {
            return; // a bulk load: the rules' sweep reads those children in its own time
        }
        var children = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified && RuleInputs.Contains(e.Metadata.ClrType))
            .Select(e => e.Property("ChildId").CurrentValue as Guid?)
            .Where(id => id is not null && id != Guid.Empty)
            .Select(id => id!.Value).Distinct().ToList();
        db.RuleWork.AddRange(children.Select(id => new Domain.Rules.RuleWork(id, now)));
    }
}
