using ChildStory.Domain.Education;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildStory.Data.Configurations;

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.EndReason).HasMaxLength(500);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.ChildId);
        builder.HasIndex(e => e.SchoolId);
    }
}

internal sealed class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Source).HasMaxLength(40);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.Percent);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // One row per child, school and period: a re-import updates it rather than adding another.
        builder.HasIndex(a => new { a.ChildId, a.SchoolId, a.PeriodStart, a.PeriodEnd }).IsUnique();
    }
}

internal sealed class PartTimeTimetableConfiguration : IEntityTypeConfiguration<PartTimeTimetable>
{
    public void Configure(EntityTypeBuilder<PartTimeTimetable> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.HoursPerWeek).HasPrecision(5, 2);
        builder.Property(t => t.Reason).HasMaxLength(1_000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(t => t.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.ChildId);
    }
}

internal sealed class AlternativeProvisionPlacementConfiguration : IEntityTypeConfiguration<AlternativeProvisionPlacement>
{
    public void Configure(EntityTypeBuilder<AlternativeProvisionPlacement> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.HoursPerWeek).HasPrecision(5, 2);
        builder.Property(p => p.MonitoredBy).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.FullTime);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.ChildId);
        builder.HasIndex(p => p.ProviderId);
    }
}

internal sealed class EhcPlanConfiguration : IEntityTypeConfiguration<EhcPlan>
{
    public void Configure(EntityTypeBuilder<EhcPlan> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.RequestedBy).HasMaxLength(200);
        builder.Property(p => p.NamedSetting).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.NextReviewDue);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.ChildId);
    }
}

internal sealed class ExclusionConfiguration : IEntityTypeConfiguration<Exclusion>
{
    public void Configure(EntityTypeBuilder<Exclusion> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Reason).HasMaxLength(1_000);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.ChildId);
    }
}

internal sealed class ElectiveHomeEducationConfiguration : IEntityTypeConfiguration<ElectiveHomeEducation>
{
    public void Configure(EntityTypeBuilder<ElectiveHomeEducation> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Reason).HasMaxLength(1_000);
        builder.Property(e => e.SafeguardingReviewOutcome).HasMaxLength(1_000);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.ChildId);
    }
}

internal sealed class MissingEducationConfiguration : IEntityTypeConfiguration<MissingEducation>
{
    public void Configure(EntityTypeBuilder<MissingEducation> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Note).HasMaxLength(1_000);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.ChildId);
    }
}

internal sealed class TransportArrangementConfiguration : IEntityTypeConfiguration<TransportArrangement>
{
    public void Configure(EntityTypeBuilder<TransportArrangement> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Note).HasMaxLength(1_000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(t => t.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.ChildId);
    }
}
