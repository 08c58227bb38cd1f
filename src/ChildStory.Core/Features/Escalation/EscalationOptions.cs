using ChildStory.Common;
using ChildStory.Features.Calendar;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Escalation;

/// <summary>Who answers a stage for the agency a difference is about.</summary>
public enum StageResponder
{
    /// <summary>Any practitioner of the agency the difference is about.</summary>
    Practitioner,

    /// <summary>A manager of that agency.</summary>
    Manager,

    /// <summary>The safeguarding partnership: a partnership lead.</summary>
    PartnershipLead,
}

/// <summary>One stage of the partnership's resolution of professional differences process.</summary>
public sealed class EscalationStageOptions
{
    public string Name { get; set; } = "";

    /// <summary>How long the other side has to answer, as a partnership would say it ("5 working days").</summary>
    public string ResponseTime { get; set; } = "5 working days";

    public StageResponder Responder { get; set; } = StageResponder.Practitioner;

    public DeadlineRule Rule => DeadlineRule.Parse(ResponseTime, out _) ?? DeadlineRule.WorkingDays(5);
}

/// <summary>
/// The partnership's own escalation process (configuration section <c>Escalation</c>). Every partnership in England
/// has a resolution of professional differences protocol; most have four stages like the default here, with
/// response times in working days.
/// </summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalation";

    public List<EscalationStageOptions> Stages { get; set; } = [];

    /// <summary>The default stages, used when the partnership configures none.</summary>
    public static List<EscalationStageOptions> DefaultStages() =>
    [
        new() { Name = "Practitioner to practitioner", ResponseTime = "5 working days", Responder = StageResponder.Practitioner },
        new() { Name = "Manager to manager", ResponseTime = "5 working days", Responder = StageResponder.Manager },
        new() { Name = "Senior manager or head of service", ResponseTime = "5 working days", Responder = StageResponder.Manager },
        new() { Name = "The safeguarding partnership", ResponseTime = "10 working days", Responder = StageResponder.PartnershipLead },
    ];

    public IReadOnlyList<EscalationStageOptions> Effective => Stages.Count == 0 ? DefaultStages() : Stages;

    public EscalationStageOptions Stage(int number) => Effective[number - 1];

    public int LastStage => Effective.Count;

    /// <summary>Every problem with the settings, each naming its key, so a bad setting stops start-up with a clear message.</summary>
    public IEnumerable<string> Problems()
    {
        for (var i = 0; i < Stages.Count; i++)
        {
            var s = Stages[i];
            if (string.IsNullOrWhiteSpace(s.Name))
            {
                yield return $"{Section}:Stages:{i}:Name is missing";
            }
            else if (s.Name.Length > 200)
            {
                yield return $"{Section}:Stages:{i}:Name must be 200 characters or fewer";
            }
            if (DeadlineRule.Parse(s.ResponseTime, out var problem) is null)
            {
                yield return $"{Section}:Stages:{i}:ResponseTime: {problem}";
            }
            if (!Enum.IsDefined(s.Responder))
            {
                yield return $"{Section}:Stages:{i}:Responder must be Practitioner, Manager or PartnershipLead";
            }
        }
        if (Stages.Count > 8)
        {
            yield return $"{Section}:Stages must have at most 8 stages";
        }
    }

    /// <summary>May this actor answer a stage that needs <paramref name="responder"/>?</summary>
    public static bool MayAnswer(Actor actor, StageResponder responder) => responder switch
    {
        StageResponder.Practitioner => true,
        StageResponder.Manager => actor.IsInRole(Roles.Manager) || actor.IsInRole(Roles.PartnershipLead),
        _ => actor.IsInRole(Roles.PartnershipLead),
    };
}

/// <summary>Refuses start-up on bad Escalation settings, listing every problem with its key.</summary>
public sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
