using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildStory.Data.Configurations;

internal sealed class InvolvementConfiguration : IEntityTypeConfiguration<Involvement>
{
    public void Configure(EntityTypeBuilder<Involvement> builder)
    {
        builder.Property(i => i.EndReason).HasMaxLength(1000);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Agency).WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Team).WithMany().HasForeignKey(i => i.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Practitioner).WithMany().HasForeignKey(i => i.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.ChildId);
        // The need-to-know question "does my agency/team work with this child?" is answered from this index.
        builder.HasIndex(i => new { i.AgencyId, i.TeamId, i.ChildId, i.EndedOn });
        builder.HasIndex(i => i.PractitionerId);
        builder.Property(i => i.IntroductionNote).HasMaxLength(1000);
        // One lead professional per child, held by the database too: two people naming different leads at the same
        // moment cannot both succeed.
        builder.HasIndex(i => i.ChildId, "IX_Involvements_OneLeadPerChild").IsUnique().HasFilter("\"IsLeadProfessional\"");
    }
}
