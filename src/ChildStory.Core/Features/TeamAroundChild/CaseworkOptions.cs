using ChildStory.Domain.Casework;
using ChildStory.Features.Calendar;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.TeamAroundChild;

/// <summary>
/// The partnership's own settings for working together (configuration section <c>Casework</c>). Statutory clocks are
/// written as a partnership would say them ("45 working days", "3 months", "72 hours"); every one can be changed.
/// </summary>
public sealed class CaseworkOptions
{
    public const string Section = "Casework";

    /// <summary>Each clock's rule, by <see cref="TimescaleKind"/> name.</summary>
    public Dictionary<string, string> Timescales { get; set; } = new()
    {
        [nameof(TimescaleKind.ChildAndFamilyAssessment)] = "45 working days",
        [nameof(TimescaleKind.InitialChildProtectionConference)] = "15 working days",
        [nameof(TimescaleKind.FirstCoreGroup)] = "10 working days",
        [nameof(TimescaleKind.FirstReviewConference)] = "3 months",
        [nameof(TimescaleKind.ReviewConference)] = "6 months",
        [nameof(TimescaleKind.ChildInNeedReview)] = "12 weeks",
        [nameof(TimescaleKind.FirstLookedAfterReview)] = "20 working days",
        [nameof(TimescaleKind.SecondLookedAfterReview)] = "3 months",
        [nameof(TimescaleKind.LookedAfterReview)] = "6 months",
        [nameof(TimescaleKind.ReturnHomeInterview)] = "72 hours",
        [nameof(TimescaleKind.TransitionPlan)] = "3 months",
        [nameof(TimescaleKind.NrmReasonableGrounds)] = "5 working days",
    };

    /// <summary>The notice each meeting type needs, in working days, by <see cref="MeetingType"/> name.</summary>
    public Dictionary<string, int> NoticeWorkingDays { get; set; } = new()
    {
        [nameof(MeetingType.StrategyDiscussion)] = 0,
        [nameof(MeetingType.ChildInNeedReview)] = 5,
        [nameof(MeetingType.InitialChildProtectionConference)] = 5,
        [nameof(MeetingType.ReviewChildProtectionConference)] = 10,
        [nameof(MeetingType.CoreGroup)] = 3,
        [nameof(MeetingType.TeamAroundTheChild)] = 5,
        [nameof(MeetingType.MacePanel)] = 5,
        [nameof(MeetingType.LookedAfterReview)] = 10,
        [nameof(MeetingType.ProfessionalsMeeting)] = 3,
    };

    /// <summary>How long the team has to contest an agency's notice of withdrawal.</summary>
    public int WithdrawalNoticeWorkingDays { get; set; } = 5;

    /// <summary>How long an old and a new worker co-work after a change of worker, in calendar days.</summary>
    public int CoWorkingDays { get; set; } = 14;

    /// <summary>A child not seen by anyone for longer than this shows on the team's page.</summary>
    public int NotSeenDays { get; set; } = 28;

    /// <summary>Contact with a child is "relying on one worker" when one practitioner made at least this share…</summary>
    public double RelianceShare { get; set; } = 0.6;

    /// <summary>…of at least this many contacts…</summary>
    public int RelianceMinimumContacts { get; set; } = 6;

    /// <summary>…in this many months.</summary>
    public int ContactSpreadMonths { get; set; } = 6;

    /// <summary>The age from which a child with complex needs needs a transition plan to adult services.</summary>
    public int TransitionAge { get; set; } = 16;

    public DeadlineRule RuleFor(TimescaleKind kind) =>
        DeadlineRule.Parse(Timescales.GetValueOrDefault(kind.ToString()), out var problem)
            ?? throw new InvalidOperationException($"Casework:Timescales:{kind}: {problem}");

    public int NoticeFor(MeetingType type) => NoticeWorkingDays.GetValueOrDefault(type.ToString(), 5);

    /// <summary>Every problem with the settings, each naming its key, so a bad setting stops start-up with a clear message.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var kind in Enum.GetValues<TimescaleKind>())
        {
            if (!Timescales.TryGetValue(kind.ToString(), out var text))
            {
                yield return $"Casework:Timescales:{kind} is missing";
            }
            else if (DeadlineRule.Parse(text, out var problem) is null)
            {
                yield return $"Casework:Timescales:{kind}: {problem}";
            }
        }
        foreach (var (type, days) in NoticeWorkingDays)
        {
            if (!Enum.TryParse<MeetingType>(type, out _) || days < 0)
            {
                yield return $"Casework:NoticeWorkingDays:{type} must name a meeting type and be 0 or more";
            }
        }
        if (WithdrawalNoticeWorkingDays < 1) { yield return "Casework:WithdrawalNoticeWorkingDays must be at least 1"; }
        if (CoWorkingDays < 0) { yield return "Casework:CoWorkingDays must be 0 or more"; }
        if (NotSeenDays < 1) { yield return "Casework:NotSeenDays must be at least 1"; }
        if (RelianceShare is <= 0 or > 1) { yield return "Casework:RelianceShare must be between 0 and 1"; }
    }
}

/// <summary>Refuses start-up on bad Casework settings, listing every problem with its key.</summary>
public sealed class CaseworkOptionsValidator : IValidateOptions<CaseworkOptions>
{
    public ValidateOptionsResult Validate(string? name, CaseworkOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
