using ChildStory.Data;
using ChildStory.Features.Access;
using ChildStory.Features.Audit;
using ChildStory.Features.Children;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory;

public static class CoreServices
{
    /// <summary>Registers the database and every use case; pages, API endpoints, CLI verbs and jobs all resolve the same handlers.</summary>
    public static IServiceCollection AddChildStoryCore(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSetup.FromConfiguration(configuration);
        services.AddSingleton(settings);
        services.AddDbContext<ChildStoryDbContext>(o => DatabaseSetup.Configure(o, settings));
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection("Access"));

        services.AddScoped<ChildAccess>();
        services.AddScoped<BreakGlass>();
        services.AddScoped<GlassBreakReviews>();
        services.AddScoped<ReviewGlassBreak>();
        services.AddScoped<SearchChildren>();
        services.AddScoped<GetChildRecord>();
        services.AddScoped<MyCaseload>();
        services.AddScoped<VerifyAuditChain>();
        services.AddScoped<GetChildAccessLog>();
        services.AddScoped<Features.Admin.AddPractitioner>();
        services.AddScoped<Features.Admin.EditPractitioner>();
        services.AddScoped<Features.Admin.ListPractitioners>();
        services.AddScoped<Features.Admin.SaveAgency>();
        services.AddScoped<Features.Admin.SaveTeam>();
        services.AddScoped<Features.Admin.SetActive>();
        services.AddScoped<Features.Admin.AccountActions>();
        services.AddScoped<Features.Admin.ApiClients>();
        services.AddScoped<Features.Admin.SaveReferralService>();
        services.AddScoped<Features.Demo.SeedDemoData>();
        services.AddScoped<Features.Chronology.LinkEvents>();
        services.AddScoped<Features.Chronology.SubmitEvents>();
        services.AddScoped<Features.Chronology.ImportEvents>();
        services.AddSingleton<Features.Chronology.AgencyNames>();
        services.AddScoped<Features.Chronology.GetStory>();
        services.AddScoped<Features.Chronology.GetEvent>();
        services.AddScoped<Features.Chronology.AddEvent>();
        services.AddScoped<Features.Chronology.AmendEvent>();
        services.AddScoped<Features.Chronology.ExportStory>();
        services.AddOptions<Features.Identity.MatchingOptions>().Bind(configuration.GetSection("Identity"));
        services.AddScoped<Features.Identity.MatchUnlinkedEvents>();
        services.AddScoped<Features.Identity.DecideMatch>();
        services.AddScoped<Features.Identity.MergeRecords>();
        services.AddScoped<Features.Identity.UndoMerge>();
        services.AddScoped<Features.Identity.IdentityQueries>();
        services.AddOptions<Features.Calendar.CalendarOptions>().Bind(configuration.GetSection("Calendar"));
        services.AddSingleton<Features.Calendar.PartnershipCalendar>();
        services.AddOptions<Features.Sharing.SharingOptions>().Bind(configuration.GetSection("Sharing"));
        services.AddScoped<Features.Sharing.Notifier>();
        services.AddScoped<Features.Sharing.SendShare>();
        services.AddScoped<Features.Sharing.OpenShare>();
        services.AddScoped<Features.Sharing.AcknowledgeShare>();
        services.AddScoped<Features.Sharing.RecordShareAction>();
        services.AddScoped<Features.Sharing.ChaseShares>();
        services.AddScoped<Features.Sharing.GetInbox>();
        services.AddScoped<Features.Sharing.ChildShares>();
        services.AddScoped<Features.Referrals.MakeReferral>();
        services.AddScoped<Features.Referrals.MoveReferral>();
        services.AddScoped<Features.Referrals.MarkCriticalMoment>();
        services.AddScoped<Features.Referrals.ChaseReferrals>();
        services.AddScoped<Features.Referrals.ReferralQueries>();
        services.AddScoped<Features.FrontDoor.RaiseContacts>();
        services.AddScoped<Features.FrontDoor.RecordContact>();
        services.AddScoped<Features.FrontDoor.DecideContact>();
        services.AddScoped<Features.FrontDoor.FrontDoorQueue>();
        services.AddOptions<Features.Notifications.EmailOptions>().Bind(configuration.GetSection("Email"));
        services.AddScoped<Features.Notifications.DispatchEmails>();
        services.AddOptions<Features.TeamAroundChild.CaseworkOptions>().Bind(configuration.GetSection(Features.TeamAroundChild.CaseworkOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Features.TeamAroundChild.CaseworkOptions>, Features.TeamAroundChild.CaseworkOptionsValidator>();
        services.AddScoped<Features.TeamAroundChild.CaseworkAccess>();
        services.AddScoped<Features.TeamAroundChild.RecordInvolvement>();
        services.AddScoped<Features.TeamAroundChild.NameLeadProfessional>();
        services.AddScoped<Features.TeamAroundChild.HandOver>();
        services.AddScoped<Features.TeamAroundChild.RecordIntroduction>();
        services.AddScoped<Features.TeamAroundChild.ProposeWithdrawal>();
        services.AddScoped<Features.TeamAroundChild.ContestWithdrawal>();
        services.AddScoped<Features.TeamAroundChild.DecideWithdrawal>();
        services.AddScoped<Features.TeamAroundChild.CompleteWithdrawals>();
        services.AddScoped<Features.TeamAroundChild.TeamQueries>();
        services.AddScoped<Features.TeamAroundChild.TeamOverview>();
        services.AddScoped<Features.Meetings.ScheduleMeeting>();
        services.AddScoped<Features.Meetings.AnswerInvitation>();
        services.AddScoped<Features.Meetings.RecordMeeting>();
        services.AddScoped<Features.Meetings.CancelMeeting>();
        services.AddScoped<Features.Meetings.MeetingQueries>();
        services.AddScoped<Features.Meetings.MeetingDocuments>();
        services.AddScoped<Features.Meetings.MeetingAccess>();
        services.AddScoped<Features.Plans.StartPlan>();
        services.AddScoped<Features.Plans.ChangePlan>();
        services.AddScoped<Features.Plans.UpdateAction>();
        services.AddScoped<Features.Plans.ReviewPlan>();
        services.AddScoped<Features.Plans.PlanQueries>();
        services.AddScoped<Features.Visits.RecordVisit>();
        services.AddScoped<Features.Timescales.StartTimescale>();
        services.AddScoped<Features.Timescales.CompleteTimescale>();
        services.AddScoped<Features.Timescales.WatchTimescales>();
        services.AddScoped<Features.Timescales.TimescaleQueries>();
        services.AddSingleton<Features.Rules.RuleSettings>();
        foreach (var rule in typeof(Features.Rules.ISafeguardingRule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Features.Rules.ISafeguardingRule).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(Features.Rules.ISafeguardingRule), rule);
        }
        services.AddScoped<Features.Rules.RunRules>();
        services.AddScoped<Features.Rules.DecideAlert>();
        services.AddScoped<Features.Rules.AlertQueries>();
        services.AddScoped<Features.Rules.RuleCatalogue>();
        services.AddScoped<Features.Rules.ComplexNeedsRegister>();
        services.AddOptions<Features.Exploitation.ExploitationOptions>().Bind(configuration.GetSection(Features.Exploitation.ExploitationOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Features.Exploitation.ExploitationOptions>, Features.Exploitation.ExploitationOptionsValidator>();
        services.AddSingleton(s => new Features.Exploitation.ScreeningTool(
            s.GetRequiredService<Microsoft.Extensions.Options.IOptions<Features.Exploitation.ExploitationOptions>>().Value.Screening));
        services.AddScoped<Features.Exploitation.RecordScreening>();
        services.AddScoped<Features.Exploitation.ScreeningQueries>();
        services.AddScoped<Features.Exploitation.RecordNrm>();
        services.AddScoped<Features.Exploitation.MaceDiscussions>();
        services.AddScoped<Features.Exploitation.MaceOverview>();
        services.AddOptions<Features.Mapping.MappingOptions>().Bind(configuration.GetSection(Features.Mapping.MappingOptions.Section))
            .Validate(o => o.NeighboursShown is >= 1 and <= 500, $"{Features.Mapping.MappingOptions.Section}:NeighboursShown must be between 1 and 500").ValidateOnStart();
        services.AddScoped<Features.Mapping.RecordAssociation>();
        services.AddScoped<Features.Mapping.ChangeAssociation>();
        services.AddScoped<Features.Mapping.PeerNetwork>();
        services.AddScoped<Features.Mapping.PeopleAround>();
        services.AddScoped<Features.Exploitation.PossibleVictim>();
        services.AddOptions<Features.Escalation.EscalationOptions>().Bind(configuration.GetSection(Features.Escalation.EscalationOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Features.Escalation.EscalationOptions>, Features.Escalation.EscalationOptionsValidator>();
        services.AddScoped<Features.Escalation.DifferenceAccess>();
        services.AddScoped<Features.Escalation.RaiseDifference>();
        services.AddScoped<Features.Escalation.RespondToStage>();
        services.AddScoped<Features.Escalation.MoveUp>();
        services.AddScoped<Features.Escalation.ResolveDifference>();
        services.AddScoped<Features.Escalation.ChaseDifferences>();
        services.AddScoped<Features.Escalation.DifferenceQueries>();
        services.AddScoped<Features.Escalation.StuckItems>();
        services.AddScoped<Features.Escalation.PartnershipLearning>();
        services.AddScoped<Features.Education.EducationAccess>();
        services.AddScoped<Features.Education.RecordEnrolment>();
        services.AddScoped<Features.Education.RecordPartTimeTimetable>();
        services.AddScoped<Features.Education.RecordExclusion>();
        services.AddScoped<Features.Education.PlaceInAlternativeProvision>();
        services.AddScoped<Features.Education.RequestEhcAssessment>();
        services.AddScoped<Features.Education.RecordHomeEducation>();
        services.AddScoped<Features.Education.RecordTransport>();
        services.AddScoped<Features.Education.UpdateEducation>();
        services.AddScoped<Features.Education.ImportAttendance>();
        services.AddScoped<Features.Education.EducationPicture>();
        services.AddScoped<Features.Education.EducationLists>();
        return services;
    }
}
