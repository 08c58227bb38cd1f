using ChildStory.Domain.Access;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildStory.Data.Configurations;

internal sealed class GlassBreakConfiguration : IEntityTypeConfiguration<GlassBreak>
{
    public void Configure(EntityTypeBuilder<GlassBreak> builder)
    {
        builder.Property(g => g.Reason).HasMaxLength(2000);
        builder.Property(g => g.ReviewNote).HasMaxLength(2000);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(g => g.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(g => g.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.PractitionerId, g.ChildId, g.ExpiresAt });
        builder.HasIndex(g => new { g.ReviewerId, g.ReviewedAt });
    }
}

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.KeyId).HasMaxLength(32);
        builder.Property(c => c.SecretHash).HasMaxLength(64);
        builder.Property(c => c.RevokedBy).HasMaxLength(256);
        builder.HasIndex(c => c.KeyId).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.IsRevoked);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(u => u.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.PractitionerId).IsUnique();
    }
}
