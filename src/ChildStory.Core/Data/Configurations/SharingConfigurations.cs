using ChildStory.Domain.Calendar;
using ChildStory.Domain.Notifications;
using ChildStory.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildStory.Data.Configurations;

internal sealed class BankHolidayConfiguration : IEntityTypeConfiguration<BankHoliday>
{
    public void Configure(EntityTypeBuilder<BankHoliday> builder)
    {
        builder.HasKey(h => h.Date);
        builder.Property(h => h.Title).HasMaxLength(200);
        builder.Property(h => h.Notes).HasMaxLength(200);
        builder.Ignore(h => h.Name);
    }
}

internal sealed class ShareConfiguration : IEntityTypeConfiguration<Share>
{
    public void Configure(EntityTypeBuilder<Share> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.SenderName).HasMaxLength(200);
        builder.Property(s => s.Subject).HasMaxLength(200);
        builder.Property(s => s.Message).HasMaxLength(10_000);
        builder.Property(s => s.BasisReason).HasMaxLength(2_000);
        builder.OwnsOne(s => s.Packet, packet =>
        {
            packet.Property(p => p.OpenConcerns).HasMaxLength(10_000);
            packet.Property(p => p.Plans).HasMaxLength(10_000);
            packet.Property(p => p.KeyContacts).HasMaxLength(4_000);
            packet.Property(p => p.SoftIntelligence).HasMaxLength(10_000);
        });
        builder.HasIndex(s => new { s.ChildId, s.SentAt });
        builder.HasIndex(s => new { s.SenderId, s.SentAt });
        builder.HasMany(s => s.Recipients).WithOne(r => r.Share).HasForeignKey(r => r.ShareId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Events).WithOne().HasForeignKey(e => e.ShareId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Attachments).WithOne().HasForeignKey(a => a.ShareId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ShareEventLinkConfiguration : IEntityTypeConfiguration<ShareEventLink>
{
    public void Configure(EntityTypeBuilder<ShareEventLink> builder) => builder.HasKey(l => new { l.ShareId, l.EventId });
}

internal sealed class ShareRecipientConfiguration : IEntityTypeConfiguration<ShareRecipient>
{
    public void Configure(EntityTypeBuilder<ShareRecipient> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(300);
        builder.Property(r => r.DueExplanation).HasMaxLength(2_000);
        builder.Property(r => r.AcknowledgedByName).HasMaxLength(200);
        builder.Property(r => r.ActionedByName).HasMaxLength(200);
        builder.Property(r => r.ActionTaken).HasMaxLength(4_000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Status);
        // The chaser's question: who has not acknowledged yet, in order of when it was due.
        builder.HasIndex(r => new { r.AcknowledgedAt, r.DueAt });
        builder.HasIndex(r => r.PractitionerId);
        builder.HasIndex(r => r.TeamId);
        builder.HasIndex(r => r.AgencyId);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Title).HasMaxLength(300);
        builder.Property(n => n.Body).HasMaxLength(4_000);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.HasIndex(n => new { n.PractitionerId, n.CreatedAt });
    }
}

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.To).HasMaxLength(320);
        builder.Property(e => e.Subject).HasMaxLength(300);
        builder.Property(e => e.Body).HasMaxLength(10_000);
        builder.Property(e => e.LastError).HasMaxLength(2_000);
        builder.HasIndex(e => new { e.SentAt, e.NextAttemptAt });
    }
}

internal sealed class ShareAttachmentConfiguration : IEntityTypeConfiguration<ShareAttachment>
{
    public void Configure(EntityTypeBuilder<ShareAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.HasIndex(a => a.ShareId);
    }
}
