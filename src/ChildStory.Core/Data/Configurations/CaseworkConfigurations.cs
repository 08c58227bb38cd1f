using ChildStory.Domain.Casework;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildStory.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Location).HasMaxLength(300);
        builder.Property(m => m.OrganiserName).HasMaxLength(200);
        builder.Property(m => m.Purpose).HasMaxLength(2_000);
        builder.Property(m => m.ChairName).HasMaxLength(200);
        builder.Property(m => m.Decisions).HasMaxLength(8_000);
        builder.Property(m => m.Minutes).HasMaxLength(60_000);
        builder.Property(m => m.LateReason).HasMaxLength(2_000);
        builder.Property(m => m.CancelReason).HasMaxLength(2_000);
        builder.Property(m => m.ShortNoticeReason).HasMaxLength(1_000);
        builder.ComplexProperty(m => m.ChildVoice, VoiceColumns.Configure);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Invitations).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ChildId, m.StartsAt });
        builder.HasIndex(m => new { m.Status, m.StartsAt });
    }
}

internal sealed class MeetingInvitationConfiguration : IEntityTypeConfiguration<MeetingInvitation>
{
    public void Configure(EntityTypeBuilder<MeetingInvitation> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.InviteeName).HasMaxLength(300);
        builder.Property(i => i.ResponseNote).HasMaxLength(1_000);
        builder.Property(i => i.Report).HasMaxLength(8_000);
        builder.Property(i => i.ReportBy).HasMaxLength(200);
        builder.Ignore(i => i.LateNotice);
        builder.HasOne<Domain.Partnership.Agency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Partnership.Team>().WithMany().HasForeignKey(i => i.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.PractitionerId, i.MeetingId });
        builder.HasIndex(i => new { i.TeamId, i.MeetingId });
    }
}

internal sealed class MeetingDocumentConfiguration : IEntityTypeConfiguration<MeetingDocument>
{
    public void Configure(EntityTypeBuilder<MeetingDocument> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(200);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.UploadedBy).HasMaxLength(200);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.MeetingId);
    }
}

internal sealed class AgreedActionConfiguration : IEntityTypeConfiguration<AgreedAction>
{
    public void Configure(EntityTypeBuilder<AgreedAction> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Description).HasMaxLength(2_000);
        builder.Property(a => a.OwnerName).HasMaxLength(300);
        builder.Property(a => a.Progress).HasMaxLength(2_000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Plan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ChildId, a.Status, a.DueOn });
        builder.HasIndex(a => new { a.OwnerPractitionerId, a.Status, a.DueOn });
    }
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.LeadName).HasMaxLength(200);
        builder.Property(p => p.EndReason).HasMaxLength(2_000);
        builder.ComplexProperty(p => p.ChildVoice, VoiceColumns.Configure);
        builder.ComplexProperty(p => p.Family, VoiceColumns.Configure);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.IsActive);
        builder.Ignore(p => p.VoiceMissing);
        builder.Ignore(p => p.FamilyViewsMissing);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Outcomes).WithOne().HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Reviews).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ChildId, p.EndedOn });
        builder.HasIndex(p => new { p.EndedOn, p.NextReviewOn });
    }
}

internal sealed class PlanOutcomeConfiguration : IEntityTypeConfiguration<PlanOutcome>
{
    public void Configure(EntityTypeBuilder<PlanOutcome> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Text).HasMaxLength(2_000);
        builder.Property(o => o.ProgressNote).HasMaxLength(2_000);
        builder.HasIndex(o => new { o.PlanId, o.Number }).IsUnique();
    }
}

internal sealed class PlanReviewConfiguration : IEntityTypeConfiguration<PlanReview>
{
    public void Configure(EntityTypeBuilder<PlanReview> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ProgressSummary).HasMaxLength(8_000);
        builder.Property(r => r.ReviewedBy).HasMaxLength(200);
        builder.ComplexProperty(r => r.ChildVoice, VoiceColumns.Configure);
        builder.ComplexProperty(r => r.Family, VoiceColumns.Configure);
    }
}

internal sealed class PlanRevisionConfiguration : IEntityTypeConfiguration<PlanRevision>
{
    public void Configure(EntityTypeBuilder<PlanRevision> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.By).HasMaxLength(200);
        builder.Property(r => r.Change).HasMaxLength(1_000);
        builder.HasOne<Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PlanId, r.Number }).IsUnique();
    }
}

internal sealed class WithdrawalConfiguration : IEntityTypeConfiguration<Withdrawal>
{
    public void Configure(EntityTypeBuilder<Withdrawal> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.ProposedByName).HasMaxLength(200);
        builder.Property(w => w.Reason).HasMaxLength(4_000);
        builder.Property(w => w.RiskAssessment).HasMaxLength(4_000);
        builder.Property(w => w.NoticeExplanation).HasMaxLength(2_000);
        builder.Property(w => w.ContestedByName).HasMaxLength(200);
        builder.Property(w => w.ContestReason).HasMaxLength(4_000);
        builder.Property(w => w.Decision).HasMaxLength(4_000);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.Ignore(w => w.IsOpen);
        builder.HasOne<Person>().WithMany().HasForeignKey(w => w.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Involvement>().WithMany().HasForeignKey(w => w.InvolvementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => new { w.ChildId, w.Status });
        builder.HasIndex(w => new { w.Status, w.NoticeEndsAt });
    }
}

internal sealed class TimescaleConfiguration : IEntityTypeConfiguration<Timescale>
{
    public void Configure(EntityTypeBuilder<Timescale> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.StartedBy).HasMaxLength(200);
        builder.Property(t => t.DueExplanation).HasMaxLength(2_000);
        builder.Property(t => t.CompletedBy).HasMaxLength(200);
        builder.Property(t => t.LateReason).HasMaxLength(2_000);
        builder.Property(t => t.StopReason).HasMaxLength(2_000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.WasLate);
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.ChildId, t.Kind, t.Status });
        builder.HasIndex(t => new { t.Status, t.DueAt });
        // One return home interview clock per return from missing: the job that starts them can run again safely.
        builder.HasIndex(t => new { t.SourceEventId, t.Kind }).IsUnique().HasFilter("\"SourceEventId\" IS NOT NULL");
    }
}

/// <summary>The child's voice and the family's views as columns of the row that carries them.</summary>
internal static class VoiceColumns
{
    public static void Configure(ComplexPropertyBuilder<ChildVoice> voice)
    {
        voice.Property(v => v.Words).HasMaxLength(4_000);
        voice.Property(v => v.GatheredBy).HasMaxLength(200);
        voice.Ignore(v => v.IsRecorded);
    }

    public static void Configure(ComplexPropertyBuilder<FamilyViews> family)
    {
        family.Property(f => f.ParentsViews).HasMaxLength(4_000);
        family.Property(f => f.NotWithFamilyReason).HasMaxLength(1_000);
        family.Ignore(f => f.IsRecorded);
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Domain.Rules.Alert>
{
    public void Configure(EntityTypeBuilder<Domain.Rules.Alert> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.RuleId).HasMaxLength(60);
        builder.Property(a => a.ConditionKey).HasMaxLength(200);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Summary).HasMaxLength(2_000);
        builder.Property(a => a.Guidance).HasMaxLength(2_000);
        builder.Property(a => a.DecidedBy).HasMaxLength(200);
        builder.Property(a => a.Outcome).HasMaxLength(2_000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
        // The same condition never raises twice, even when two workers evaluate the same child at once.
        builder.HasIndex(a => new { a.ChildId, a.RuleId, a.ConditionKey }).IsUnique();
        builder.HasIndex(a => new { a.RuleId, a.RaisedAt });
        builder.HasIndex(a => new { a.Status, a.RaisedAt });
    }
}

internal sealed class RuleWorkConfiguration : IEntityTypeConfiguration<Domain.Rules.RuleWork>
{
    public void Configure(EntityTypeBuilder<Domain.Rules.RuleWork> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedOnAdd();
        builder.HasIndex(w => w.ChildId);
    }
}

internal sealed class RegisterEntryConfiguration : IEntityTypeConfiguration<Domain.Rules.RegisterEntry>
{
    public void Configure(EntityTypeBuilder<Domain.Rules.RegisterEntry> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Domains).HasMaxLength(300);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ChildId, r.LeftAt });
        builder.HasIndex(r => r.EnteredAt);
    }
}

internal sealed class ScreeningConfiguration : IEntityTypeConfiguration<Domain.Exploitation.Screening>
{
    public void Configure(EntityTypeBuilder<Domain.Exploitation.Screening> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ScreenedBy).HasMaxLength(200);
        builder.Property(s => s.AnswersJson).HasMaxLength(20_000);
        builder.Property(s => s.ProposedReasons).HasMaxLength(4_000);
        builder.Property(s => s.JudgementNote).HasMaxLength(2_000);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ChildId, s.ScreenedAt });
    }
}

internal sealed class NrmReferralConfiguration : IEntityTypeConfiguration<Domain.Exploitation.NrmReferral>
{
    public void Configure(EntityTypeBuilder<Domain.Exploitation.NrmReferral> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.SubmittedBy).HasMaxLength(200);
        builder.Property(n => n.Summary).HasMaxLength(2_000);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.ChildId, n.SubmittedAt });
    }
}

internal sealed class MaceDiscussionConfiguration : IEntityTypeConfiguration<Domain.Exploitation.MaceDiscussion>
{
    public void Configure(EntityTypeBuilder<Domain.Exploitation.MaceDiscussion> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.RequestedBy).HasMaxLength(200);
        builder.Property(m => m.Reason).HasMaxLength(2_000);
        builder.Property(m => m.Perpetrators).HasMaxLength(4_000);
        builder.Property(m => m.Places).HasMaxLength(4_000);
        builder.Property(m => m.PeerGroups).HasMaxLength(4_000);
        builder.Property(m => m.Intelligence).HasMaxLength(4_000);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ChildId, m.Status });
        builder.HasIndex(m => m.DiscussedAt);
    }
}
