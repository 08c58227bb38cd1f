using ChildStory.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildStory.Data.Configurations;

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        // Several checkpoints may name the same entry (written on demand, or by two servers); verify reads them in order.
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Sequence);
        builder.Property(c => c.Hash).HasMaxLength(64);
        builder.Property(c => c.KeyId).HasMaxLength(16);
        builder.Property(c => c.Mac).HasMaxLength(64);
    }
}
