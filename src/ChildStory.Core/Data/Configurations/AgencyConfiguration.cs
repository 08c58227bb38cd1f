using ChildStory.Domain.Partnership;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildStory.Data.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(20);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.HasMany(a => a.Teams).WithOne(t => t.Agency).HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.AccessIsByTeam);
    }
}
