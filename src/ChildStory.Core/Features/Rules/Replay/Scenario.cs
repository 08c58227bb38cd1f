using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChildStory.Features.Rules.Replay;

/// <summary>A scenario file (docs/scenarios.md): a child's story as the reviews tell it, with the alerts it should raise.</summary>
public sealed record ScenarioFile(
    string Name, string? Source, DateOnly Start, DateOnly End, List<ScenarioAgency> Agencies, List<ScenarioPerson> People,
    List<ScenarioRelationship>? Relationships, List<ScenarioInvolvement>? Involvements, List<ScenarioPlan>? Plans, List<ScenarioEvent> Events,
    List<ScenarioExpectation>? Expected, List<ScenarioScreening>? Screenings = null, List<ScenarioNrm>? Nrm = null, List<ScenarioMeeting>? Meetings = null,
    List<ScenarioMace>? Mace = null, List<ScenarioAction>? Actions = null, List<ScenarioEducation>? Education = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Reads a scenario, or says what is wrong and where (the JSON path, or the key that does not resolve).</summary>
    public static ScenarioFile Read(string json)
    {
        ScenarioFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ScenarioFile>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The scenario is not valid: {e.Message}", e);
        }
        if (file is null)
        {
            throw new FormatException("The scenario is empty");
        }
        file.Check();
        return file;
    }

    private void Check()
    {
        var problems = new List<string>();
        var agencies = Agencies.Select(a => a.Key).ToHashSet();
        var people = People.Select(p => p.Key).ToHashSet();
        void Need(HashSet<string> keys, string key, string where)
        {
            if (!keys.Contains(key))
            {
                problems.Add($"{where}: no such key '{key}'");
            }
        }
        foreach (var r in Relationships ?? [])
        {
            Need(people, r.Child, $"relationship {r.Child}→{r.Person}");
            Need(people, r.Person, $"relationship {r.Child}→{r.Person}");
        }
        foreach (var i in Involvements ?? [])
        {
            Need(people, i.Child, $"involvement {i.Key}");
            Need(agencies, i.Agency, $"involvement {i.Key}");
        }
        foreach (var p in Plans ?? [])
        {
            Need(people, p.Child, $"plan {p.Key}");
        }
        var events = new HashSet<string>();
        foreach (var e in Events)
        {
            if (!events.Add(e.Key))
            {
                problems.Add($"event {e.Key}: the key is used twice");
            }
            Need(people, e.Child, $"event {e.Key}");
            Need(agencies, e.Agency, $"event {e.Key}");
        }
        var exploitation = CheckExploitation(problems, people, agencies, events);
        foreach (var a in Actions ?? [])
        {
            if (!exploitation.Add(a.Key) || events.Contains(a.Key))
            {
                problems.Add($"action {a.Key}: the key is used twice");
            }
            Need(people, a.Child, $"action {a.Key}");
            Need(agencies, a.Agency, $"action {a.Key}");
            if (a.DoneAt is { } done && done < a.AgreedAt)
            {
                problems.Add($"action {a.Key}: done before it was agreed");
            }
        }
        foreach (var x in Education ?? [])
        {
            if (!exploitation.Add(x.Key) || events.Contains(x.Key))
            {
                problems.Add($"education {x.Key}: the key is used twice");
            }
            Need(people, x.Child, $"education {x.Key}");
            if (x.NeedsAgency)
            {
                Need(agencies, x.Agency ?? "", $"education {x.Key}");
            }
        }
        foreach (var x in Expected ?? [])
        {
            Need(people, x.Child, $"expected {x.Rule}");
            foreach (var key in x.Evidence ?? [])
            {
                if (!events.Contains(key) && !people.Contains(key) && !exploitation.Contains(key) && (Involvements ?? []).All(i => i.Key != key))
                {
                    problems.Add($"expected {x.Rule} for {x.Child}: evidence '{key}' is not an event, person, involvement, screening, NRM referral, meeting, MACE discussion, action or education fact");
                }
            }
        }
        if (End < Start)
        {
            problems.Add("end is before start");
        }
        if (problems.Count > 0)
        {
            throw new FormatException("The scenario has problems: " + string.Join("; ", problems));
        }
    }

    /// <summary>Checks screenings, NRM referrals, meetings and MACE discussions, and returns their keys.</summary>
    private HashSet<string> CheckExploitation(List<string> problems, HashSet<string> people, HashSet<string> agencies, HashSet<string> events)
    {
        var keys = new HashSet<string>();
        void Own(string key, string child, string agency, string what)
        {
            if (!keys.Add(key) || events.Contains(key))
            {
                problems.Add($"{what} {key}: the key is used twice");
            }
            if (!people.Contains(child))
            {
                problems.Add($"{what} {key}: no such key '{child}'");
            }
            if (!agencies.Contains(agency))
            {
                problems.Add($"{what} {key}: no such key '{agency}'");
            }
        }
        var indicators = Exploitation.ScreeningTool.Default.Select(i => i.Id).ToHashSet();
        foreach (var s in Screenings ?? [])
        {
            Own(s.Key, s.Child, s.Agency, "screening");
            problems.AddRange((s.Indicators ?? []).Where(i => !indicators.Contains(i)).Select(i => $"screening {s.Key}: no such indicator '{i}' (one of {string.Join(", ", indicators)})"));
        }
        foreach (var n in Nrm ?? [])
        {
            Own(n.Key, n.Child, n.Agency, "nrm");
            if ((n.ReasonableGrounds is null) != (n.ReasonableGroundsAt is null) || n.ReasonableGroundsAt < n.SubmittedAt)
            {
                problems.Add($"nrm {n.Key}: a reasonable-grounds decision needs both its outcome and its time, after submission");
            }
            if ((n.ConclusiveGrounds is null) != (n.ConclusiveGroundsAt is null) || (n.ConclusiveGrounds is not null && n.ReasonableGrounds != Domain.Exploitation.NrmOutcome.Positive)
                || n.ConclusiveGroundsAt < n.ReasonableGroundsAt)
            {
                problems.Add($"nrm {n.Key}: a conclusive-grounds decision needs its outcome and time, after a positive reasonable-grounds decision");
            }
        }
        foreach (var m in Meetings ?? [])
        {
            Own(m.Key, m.Child, m.Agency, "meeting");
            if (m.ScheduledAt > m.At)
            {
                problems.Add($"meeting {m.Key}: arranged after it starts");
            }
        }
        foreach (var m in Mace ?? [])
        {
            Own(m.Key, m.Child, m.Agency, "mace");
        }
        return keys;
    }
}

public sealed record ScenarioAgency(string Key, string Name, Domain.Partnership.AgencyKind Kind);

public sealed record ScenarioPerson(string Key, string GivenName, string FamilyName, DateOnly? DateOfBirth, string? Sex, bool Child);

public sealed record ScenarioRelationship(string Child, string Person, Domain.People.RelationshipKind Kind, bool LivesWithChild, DateOnly? From);

public sealed record ScenarioInvolvement(string Key, string Child, string Agency, Domain.People.InvolvementRole Role, DateOnly From, DateOnly? To, string? EndReason, bool Lead);

public sealed record ScenarioPlan(string Key, string Child, Domain.Casework.PlanKind Kind, DateOnly From, DateOnly? To);

public sealed record ScenarioEvent(
    string Key, string Child, string Agency, Domain.Chronology.EventType Type, DateTimeOffset At, DateTimeOffset? ReceivedAt, string Summary, bool Significant,
    ScenarioFacts? Facts, List<string>? Concerns, string? Author);

public sealed record ScenarioFacts(bool? ChildPresent, bool? DomesticAbuse, bool? Planned, bool? Successful, bool? ChildSeen, bool? ChildSeenAlone, bool? BedroomSeen);

/// <summary>An action a meeting or plan agreed (a mentor, school transport, a special school place): owned by an agency, due by a date, done or never done.</summary>
public sealed record ScenarioAction(string Key, string Child, string Agency, string Description, DateTimeOffset AgreedAt, DateOnly Due, DateTimeOffset? DoneAt);

public sealed record ScenarioExpectation(string Rule, string Child, DateOnly NotBefore, DateOnly NotAfter, List<string>? Evidence, string? Finding);

/// <summary>One alert as replay writes it: when, which rule, which child, and the evidence, all in the scenario's own keys.</summary>
public sealed record ReplayedAlert(DateTimeOffset RaisedAt, string RuleId, string Child, IReadOnlyList<string> Evidence, string Summary);

/// <summary>A clock the replay moves by hand through the scenario's dates.</summary>
public sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
