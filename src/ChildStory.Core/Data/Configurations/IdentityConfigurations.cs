using ChildStory.Domain.Identity;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildStory.Data.Configurations;

internal sealed class MatchReviewConfiguration : IEntityTypeConfiguration<MatchReview>
{
    public void Configure(EntityTypeBuilder<MatchReview> builder)
    {
        builder.Property(r => r.SubjectKey).HasMaxLength(32);
        builder.Property(r => r.Evidence).HasMaxLength(4000);
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.Note).HasMaxLength(1000);
        builder.ComplexProperty(r => r.Subject, s =>
        {
            s.Property(x => x.GivenName).HasMaxLength(100);
            s.Property(x => x.FamilyName).HasMaxLength(100);
            s.Property(x => x.Sex).HasMaxLength(20);
            s.Property(x => x.Postcode).HasMaxLength(10);
            s.Property(x => x.NhsNumber).HasMaxLength(10);
            s.Property(x => x.Upn).HasMaxLength(13);
            s.Property(x => x.Reference).HasMaxLength(100);
        });
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.CandidateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.AgencyId, r.SubjectKey, r.Status });
        builder.HasIndex(r => r.CandidateId);
    }
}

internal sealed class PersonMergeConfiguration : IEntityTypeConfiguration<PersonMerge>
{
    public void Configure(EntityTypeBuilder<PersonMerge> builder)
    {
        builder.Property(m => m.MergedBy).HasMaxLength(256);
        builder.Property(m => m.UndoneBy).HasMaxLength(256);
        builder.Property(m => m.Reason).HasMaxLength(1000);
        builder.Property(m => m.UndoReason).HasMaxLength(1000);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.SurvivorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.MergedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Moves).WithOne().HasForeignKey(x => x.MergeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.SurvivorId);
        builder.HasIndex(m => m.MergedId);
    }
}

internal sealed class MergeMoveConfiguration : IEntityTypeConfiguration<MergeMove>
{
    public void Configure(EntityTypeBuilder<MergeMove> builder) => builder.HasIndex(m => m.MergeId);
}
