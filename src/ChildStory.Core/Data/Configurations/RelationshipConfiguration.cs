using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildStory.Data.Configurations;

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> builder)
    {
        builder.Property(r => r.NotKnownReason).HasMaxLength(500);
        builder.Property(r => r.Notes).HasMaxLength(2000);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.RelatedPerson).WithMany().HasForeignKey(r => r.RelatedPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ChildId);
        builder.HasIndex(r => r.RelatedPersonId);
    }
}
