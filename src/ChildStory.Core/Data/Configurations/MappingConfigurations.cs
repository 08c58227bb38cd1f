using ChildStory.Domain.Exploitation;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildStory.Data.Configurations;

internal sealed class AssociationConfiguration : IEntityTypeConfiguration<Association>
{
    public void Configure(EntityTypeBuilder<Association> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Source).HasMaxLength(300);
        builder.Property(a => a.RecordedBy).HasMaxLength(200);
        builder.Property(a => a.Note).HasMaxLength(1_000);
        builder.Property(a => a.SensitiveContact).HasMaxLength(300);
        builder.Property(a => a.Disputed).HasMaxLength(8_000);
        builder.Property(a => a.EndReason).HasMaxLength(500);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.Grade);
        builder.Ignore(a => a.IsCurrent);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Place>().WithMany().HasForeignKey(a => a.PlaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        // The network is walked from both ends: a child's own links, links to a person, everyone linked to a place.
        builder.HasIndex(a => a.ChildId);
        builder.HasIndex(a => a.PersonId);
        builder.HasIndex(a => a.PlaceId);
    }
}

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Postcode).HasMaxLength(10);
        builder.Property(p => p.Key).HasMaxLength(300);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Ignore(p => p.IsThing);
    }
}
