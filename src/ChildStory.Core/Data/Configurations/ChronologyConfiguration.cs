using ChildStory.Domain.Chronology;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildStory.Data.Configurations;

internal sealed class ChronologyEventConfiguration : IEntityTypeConfiguration<ChronologyEvent>
{
    public void Configure(EntityTypeBuilder<ChronologyEvent> builder)
    {
        builder.Property(e => e.IdempotencyKey).HasMaxLength(200);
        builder.Property(e => e.Author).HasMaxLength(200);
        builder.Property(e => e.Summary).HasMaxLength(500);
        builder.Property(e => e.Details).HasMaxLength(8000);
        builder.Property(e => e.SensitiveContact).HasMaxLength(300);
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Restrict);
        // A retried submission finds its earlier self here and creates nothing twice.
        builder.HasIndex(e => new { e.AgencyId, e.IdempotencyKey }).IsUnique();
        // Covering on PostgreSQL: the story page's overview reads these columns of every one of a child's events, and
        // an index-only scan spares it a heap visit per event (a child's events are scattered over the table).
        builder.HasIndex(e => new { e.ChildId, e.OccurredAt }).IncludeProperties(e => new { e.Id, e.AgencyId, e.Type, e.Significant });
        // The front door's job asks for police incidents received in the last two days: a small partial index.
        builder.HasIndex(e => e.ReceivedAt).HasFilter("\"Type\" = 'PoliceIncident'").HasDatabaseName("IX_ChronologyEvents_PoliceIncidents_ReceivedAt");
        // Returns from missing start return home interview clocks: the job looks for recent ones.
        builder.HasIndex(e => e.OccurredAt).HasFilter("\"Type\" = 'ReturnFromMissing'").HasDatabaseName("IX_ChronologyEvents_Returns_OccurredAt");
        builder.Property(e => e.SubjectKey).HasMaxLength(32);
        // The matcher's work list and the events waiting on one review decision: small, so a partial index.
        builder.HasIndex(e => new { e.MatchState, e.AgencyId, e.SubjectKey }).HasFilter("\"MatchState\" <> 'Linked'");
        builder.ComplexProperty(e => e.Subject, s =>
        {
            s.Property(x => x.GivenName).HasMaxLength(100);
            s.Property(x => x.FamilyName).HasMaxLength(100);
            s.Property(x => x.Sex).HasMaxLength(20);
            s.Property(x => x.Postcode).HasMaxLength(10);
            s.Property(x => x.NhsNumber).HasMaxLength(10);
            s.Property(x => x.Upn).HasMaxLength(13);
            s.Property(x => x.Reference).HasMaxLength(100);
        });
        builder.ComplexProperty(e => e.Facts);
    }
}

internal sealed class PersonReferenceConfiguration : IEntityTypeConfiguration<PersonReference>
{
    public void Configure(EntityTypeBuilder<PersonReference> builder)
    {
        builder.Property(r => r.Reference).HasMaxLength(100);
        builder.HasIndex(r => new { r.AgencyId, r.Reference }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EventRevisionConfiguration : IEntityTypeConfiguration<EventRevision>
{
    public void Configure(EntityTypeBuilder<EventRevision> builder)
    {
        builder.Property(r => r.Summary).HasMaxLength(500);
        builder.Property(r => r.Details).HasMaxLength(8000);
        builder.Property(r => r.ReplacedBy).HasMaxLength(256);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.HasOne<ChronologyEvent>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.EventId, r.Version }).IsUnique();
    }
}
