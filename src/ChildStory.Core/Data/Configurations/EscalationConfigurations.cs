using ChildStory.Domain.Escalation;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildStory.Data.Configurations;

internal sealed class ProfessionalDifferenceConfiguration : IEntityTypeConfiguration<ProfessionalDifference>
{
    public void Configure(EntityTypeBuilder<ProfessionalDifference> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.RaisedByName).HasMaxLength(200);
        builder.Property(d => d.Concerns).HasMaxLength(4_000);
        builder.Property(d => d.SubjectPerson).HasMaxLength(200);
        builder.Property(d => d.WhyItMatters).HasMaxLength(4_000);
        builder.Property(d => d.OutcomeSought).HasMaxLength(4_000);
        builder.Property(d => d.LinkText).HasMaxLength(500);
        builder.Property(d => d.ResolvedByName).HasMaxLength(200);
        builder.Property(d => d.Resolution).HasMaxLength(4_000);
        builder.Property(d => d.ChangeForChild).HasMaxLength(4_000);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.Current);
        builder.Ignore(d => d.IsOpen);
        builder.HasMany(d => d.Stages).WithOne().HasForeignKey(s => s.DifferenceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Stages).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.SubjectAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.RaisedByAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.ChildId, d.Status });
        builder.HasIndex(d => new { d.SubjectAgencyId, d.Status });
        builder.HasIndex(d => new { d.RaisedById, d.Status });
    }
}

internal sealed class DifferenceStageConfiguration : IEntityTypeConfiguration<DifferenceStage>
{
    public void Configure(EntityTypeBuilder<DifferenceStage> builder)
    {
        builder.HasKey(s => s.Id);
        // Stages are added through the difference (MoveUp): an id set by the domain means a new row, not an existing one.
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.DueExplanation).HasMaxLength(2_000);
        builder.Property(s => s.RespondedByName).HasMaxLength(200);
        builder.Property(s => s.Response).HasMaxLength(4_000);
        builder.Property(s => s.Outcome).HasMaxLength(4_000);
        builder.Property(s => s.MoveUpReason).HasMaxLength(4_000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.DifferenceId, s.Number }).IsUnique();
        builder.HasIndex(s => new { s.EndedAt, s.RespondedAt, s.DueAt });
    }
}
