using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildStory.Data.Configurations;

internal sealed class PersonNameConfiguration : IEntityTypeConfiguration<PersonName>
{
    public void Configure(EntityTypeBuilder<PersonName> builder)
    {
        builder.Property(n => n.GivenName).HasMaxLength(100);
        builder.Property(n => n.FamilyName).HasMaxLength(100);
        builder.Property(n => n.GivenNormalised).HasMaxLength(100);
        builder.Property(n => n.FamilyNormalised).HasMaxLength(100);
        builder.Property(n => n.GivenKey).HasMaxLength(8);
        builder.Property(n => n.FamilyKey).HasMaxLength(8);
        builder.HasIndex(n => n.FamilyKey);
        builder.HasIndex(n => n.GivenKey);
        builder.HasIndex(n => n.FamilyNormalised);
        builder.HasIndex(n => n.GivenNormalised);
    }
}
