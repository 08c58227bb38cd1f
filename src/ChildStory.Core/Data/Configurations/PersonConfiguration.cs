using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildStory.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.GivenName).HasMaxLength(100);
        builder.Property(p => p.MiddleNames).HasMaxLength(200);
        builder.Property(p => p.FamilyName).HasMaxLength(100);
        builder.Property(p => p.Ethnicity).HasMaxLength(10);
        builder.Property(p => p.FirstLanguage).HasMaxLength(60);
        builder.Property(p => p.NhsNumber).HasMaxLength(10);
        builder.Property(p => p.Upn).HasMaxLength(13);
        builder.Property(p => p.HomeAuthority).HasMaxLength(200);
        builder.Property(p => p.AuthorityContact).HasMaxLength(300);
        builder.HasIndex(p => p.NhsNumber);
        builder.HasIndex(p => p.Upn);
        builder.HasIndex(p => new { p.IsChild, p.DateOfBirth });
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Names).WithOne().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Addresses).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(p => p.DisplayName);
    }
}
