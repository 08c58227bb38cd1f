using ChildStory.Common;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Identity;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Data;

public sealed class ChildStoryDbContext(
    DbContextOptions<ChildStoryDbContext> options,
    IActorAccessor? actors = null,
    TimeProvider? time = null)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    private readonly IActorAccessor _actors = actors ?? new FixedActorAccessor(Actor.System());
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Practitioner> Practitioners => Set<Practitioner>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonName> PersonNames => Set<PersonName>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<PersonAddress> PersonAddresses => Set<PersonAddress>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<Involvement> Involvements => Set<Involvement>();
    public DbSet<GlassBreak> GlassBreaks => Set<GlassBreak>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();
    public DbSet<ChronologyEvent> ChronologyEvents => Set<ChronologyEvent>();
    public DbSet<PersonReference> PersonReferences => Set<PersonReference>();
    public DbSet<EventRevision> EventRevisions => Set<EventRevision>();
    public DbSet<MatchReview> MatchReviews => Set<MatchReview>();
    public DbSet<PersonMerge> PersonMerges => Set<PersonMerge>();
    public DbSet<MergeMove> MergeMoves => Set<MergeMove>();
    public DbSet<Domain.Calendar.BankHoliday> BankHolidays => Set<Domain.Calendar.BankHoliday>();
    public DbSet<Domain.Sharing.Share> Shares => Set<Domain.Sharing.Share>();
    public DbSet<Domain.Sharing.ShareRecipient> ShareRecipients => Set<Domain.Sharing.ShareRecipient>();
    public DbSet<Domain.Sharing.ShareEventLink> ShareEvents => Set<Domain.Sharing.ShareEventLink>();
    public DbSet<Domain.Sharing.ShareAttachment> ShareAttachments => Set<Domain.Sharing.ShareAttachment>();
    public DbSet<Domain.Notifications.Notification> Notifications => Set<Domain.Notifications.Notification>();
    public DbSet<Domain.Notifications.OutgoingEmail> OutgoingEmails => Set<Domain.Notifications.OutgoingEmail>();
    public DbSet<Domain.Referrals.ReferralService> ReferralServices => Set<Domain.Referrals.ReferralService>();
    public DbSet<Domain.Referrals.Referral> Referrals => Set<Domain.Referrals.Referral>();
    public DbSet<Domain.FrontDoor.Contact> Contacts => Set<Domain.FrontDoor.Contact>();
    public DbSet<Domain.Casework.Meeting> Meetings => Set<Domain.Casework.Meeting>();
    public DbSet<Domain.Casework.MeetingInvitation> MeetingInvitations => Set<Domain.Casework.MeetingInvitation>();
    public DbSet<Domain.Casework.MeetingDocument> MeetingDocuments => Set<Domain.Casework.MeetingDocument>();
    public DbSet<Domain.Casework.AgreedAction> AgreedActions => Set<Domain.Casework.AgreedAction>();
    public DbSet<Domain.Casework.Plan> Plans => Set<Domain.Casework.Plan>();
    public DbSet<Domain.Casework.PlanOutcome> PlanOutcomes => Set<Domain.Casework.PlanOutcome>();
    public DbSet<Domain.Casework.PlanReview> PlanReviews => Set<Domain.Casework.PlanReview>();
    public DbSet<Domain.Casework.PlanRevision> PlanRevisions => Set<Domain.Casework.PlanRevision>();
    public DbSet<Domain.Casework.Withdrawal> Withdrawals => Set<Domain.Casework.Withdrawal>();
    public DbSet<Domain.Casework.Timescale> Timescales => Set<Domain.Casework.Timescale>();
    public DbSet<Domain.Rules.Alert> Alerts => Set<Domain.Rules.Alert>();
    public DbSet<Domain.Rules.RuleWork> RuleWork => Set<Domain.Rules.RuleWork>();
    public DbSet<Domain.Rules.RegisterEntry> RegisterEntries => Set<Domain.Rules.RegisterEntry>();
    public DbSet<Domain.Exploitation.Screening> Screenings => Set<Domain.Exploitation.Screening>();
    public DbSet<Domain.Exploitation.NrmReferral> NrmReferrals => Set<Domain.Exploitation.NrmReferral>();
    public DbSet<Domain.Exploitation.MaceDiscussion> MaceDiscussions => Set<Domain.Exploitation.MaceDiscussion>();
    public DbSet<Domain.Exploitation.Association> Associations => Set<Domain.Exploitation.Association>();
    public DbSet<Domain.Exploitation.Place> Places => Set<Domain.Exploitation.Place>();
    public DbSet<Domain.Escalation.ProfessionalDifference> ProfessionalDifferences => Set<Domain.Escalation.ProfessionalDifference>();
    public DbSet<Domain.Escalation.DifferenceStage> DifferenceStages => Set<Domain.Escalation.DifferenceStage>();
    public DbSet<Domain.Education.Enrolment> Enrolments => Set<Domain.Education.Enrolment>();
    public DbSet<Domain.Education.AttendanceRecord> AttendanceRecords => Set<Domain.Education.AttendanceRecord>();
    public DbSet<Domain.Education.PartTimeTimetable> PartTimeTimetables => Set<Domain.Education.PartTimeTimetable>();
    public DbSet<Domain.Education.AlternativeProvisionPlacement> ApPlacements => Set<Domain.Education.AlternativeProvisionPlacement>();
    public DbSet<Domain.Education.EhcPlan> EhcPlans => Set<Domain.Education.EhcPlan>();
    public DbSet<Domain.Education.Exclusion> Exclusions => Set<Domain.Education.Exclusion>();
    public DbSet<Domain.Education.ElectiveHomeEducation> HomeEducation => Set<Domain.Education.ElectiveHomeEducation>();
    public DbSet<Domain.Education.MissingEducation> MissingEducation => Set<Domain.Education.MissingEducation>();
    public DbSet<Domain.Education.TransportArrangement> TransportArrangements => Set<Domain.Education.TransportArrangement>();

    /// <summary>
    /// Bulk loads (demo seeding) switch off the per-row "child changed" audit entries and write one summary entry
    /// instead; every other write leaves this on.
    /// </summary>
    public bool AuditChildChanges { get; set; } = true;

    public TimeProvider Time => _time;

    public Actor CurrentActor => _actors.Current;

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>Adds an entry to the audit log; it is chained and written with the next save.</summary>
    public void Audit(string action, Guid? childId = null, string? subject = null, string? detail = null, string? reason = null) =>
        AuditEntries.Add(new AuditEntry(_time.GetUtcNow(), _actors.Current, action, childId, subject, detail, reason));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // SQLite has no date-time type: a fixed-width UTC text form keeps ordering and comparisons in SQL correct.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcIsoStringConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ChildStoryDbContext).Assembly);
        StoreEnumsAsStrings(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeStamper.Stamp(this, _actors.Current, _time.GetUtcNow());
        return await AuditChain.SaveWithChainAsync(this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
    }

    private static void StoreEnumsAsStrings(ModelBuilder builder)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            // Flag sets are stored as their number: a combination's names would not fit one short column.
            if (type.IsEnum && !type.IsDefined(typeof(FlagsAttribute), false))
            {
                property.SetProviderClrType(typeof(string));
                property.SetMaxLength(40);
            }
        }
    }
}
