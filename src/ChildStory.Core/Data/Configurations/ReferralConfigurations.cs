using ChildStory.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildStory.Data.Configurations;

internal sealed class ReferralServiceConfiguration : IEntityTypeConfiguration<ReferralService>
{
    public void Configure(EntityTypeBuilder<ReferralService> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Ignore(s => s.Targets);
        builder.HasOne<Domain.Partnership.Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Partnership.Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ReferrerName).HasMaxLength(200);
        builder.Property(r => r.Reason).HasMaxLength(4_000);
        builder.Property(r => r.DeclineReason).HasMaxLength(2_000);
        builder.Property(r => r.AllocatedTo).HasMaxLength(200);
        builder.Property(r => r.ClosingNote).HasMaxLength(2_000);
        builder.Property(r => r.WithdrawReason).HasMaxLength(2_000);
        builder.Property(r => r.CriticalMomentNote).HasMaxLength(2_000);
        builder.Property(r => r.NextDueExplanation).HasMaxLength(2_000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsOpen);
        builder.Ignore(r => r.NextStage);
        builder.HasOne(r => r.Service).WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ChildId, r.SentAt });
        builder.HasIndex(r => new { r.ServiceId, r.Stage });
        builder.HasIndex(r => r.NextDueAt);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Domain.FrontDoor.Contact>
{
    public void Configure(EntityTypeBuilder<Domain.FrontDoor.Contact> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.From).HasMaxLength(300);
        builder.Property(c => c.Summary).HasMaxLength(4_000);
        builder.Property(c => c.DueExplanation).HasMaxLength(2_000);
        builder.Property(c => c.Rationale).HasMaxLength(4_000);
        builder.Property(c => c.DecidedByName).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        // One contact per agency event, however often the job that raises them runs.
        builder.HasIndex(c => c.EventId).IsUnique();
        builder.HasIndex(c => new { c.DecidedAt, c.DueAt });
        builder.HasIndex(c => new { c.ChildId, c.ReceivedAt });
    }
}
