namespace ChildStory.Features.Rules.Library;

/// <summary>Rule 13d: alternative provision as the main part of a child's education for more than 10 weeks without a review.</summary>
public sealed class ApUnreviewed(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "ap-unreviewed";

    public override string Title => "Alternative provision as main education for more than 10 weeks without review";

    public override string Source => "James, recommendation: \"Monitoring of children and young people attending alternative provision as the main part of their education for more than 10 weeks\"";

    public override string Guidance => "The placing school or local authority reviews the placement with the provider, the child and family: outcomes, attendance, safeguarding and the route back to a school place.";

    public override Domain.Rules.AlertAudience Audience => Domain.Rules.AlertAudience.Team;

    public override bool TimeDriven => true;

    protected override void Declare() => Int("Weeks", 10);

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var days = 7 * Int("Weeks", 10);
        foreach (var p in child.Education.Placements.Where(p => p.MainEducation && p.ActiveOn(child.Today)))
        {
            var since = p.LastReviewOn ?? p.StartedOn;
            if (child.Today > since.AddDays(days))
            {
                yield return new Finding(Key(p.Id, "review", since),
                    p.LastReviewOn is null
                        ? $"Main education at {p.Provider} since {p.StartedOn:d MMM yyyy} ({(child.Today.DayNumber - p.StartedOn.DayNumber) / 7} weeks), never reviewed."
                        : $"Main education at {p.Provider}; last reviewed {since:d MMM yyyy}, more than {days / 7} weeks ago.",
                    [EducationEvidence.Placement(p)]);
            }
        }
    }
}

/// <summary>Rule 13e: a full-time place at an unregistered provider — an independent school in all but name, which is unlawful.</summary>
public sealed class ApUnregisteredFullTime(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "ap-unregistered-full-time";

    public override string Title => "A full-time placement at an unregistered alternative provider";

    public override string Source => "James: \"For a short time in 2019 he was attending an alternative provider full time, but this ceased as it was an illegal arrangement with an unregistered provider\"";

    public override string Guidance => "End or reduce the placement now and find registered provision; an unregistered provider may not educate a child full time (Education and Skills Act 2008, s92).";

    public override Domain.Rules.AlertAudience Audience => Domain.Rules.AlertAudience.Managers;

    protected override void Declare() { }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        foreach (var p in child.Education.Placements.Where(p => !p.Registered && p.FullTime && p.ActiveOn(child.Today)))
        {
            yield return new Finding(Key(p.Id, "unregistered"), $"Full-time ({p.HoursPerWeek:0.#} hours a week) at {p.Provider}, which is not registered, since {p.StartedOn:d MMM yyyy}.",
                [EducationEvidence.Placement(p)]);
        }
    }
}

/// <summary>Rule 13f: the placing school or authority has not been in touch with the provider within its monitoring interval (weekly by default).</summary>
public sealed class ApNotContacted(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "ap-not-contacted";

    public override string Title => "The placing school or authority has not contacted the alternative provider weekly";

    public override string Source => "James: \"the alternative provision did not know that he was on school A's roll\"; \"there was a lack of monitoring and coordination\"";

    public override string Guidance => "Contact the provider: attendance, progress and any safeguarding concern; make sure it knows which school holds the child on roll and whom to call.";

    public override Domain.Rules.AlertAudience Audience => Domain.Rules.AlertAudience.Team;

    public override bool TimeDriven => true;

    protected override void Declare() => Int("Days", 7);

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var fallback = Int("Days", 7);
        foreach (var p in child.Education.Placements.Where(p => p.ActiveOn(child.Today)))
        {
            var every = p.MonitoringEveryDays > 0 ? Math.Min(p.MonitoringEveryDays, fallback) : fallback;
            var since = p.LastContactOn ?? p.StartedOn;
            if (child.Today > since.AddDays(every))
            {
                yield return new Finding(Key(p.Id, "contact", p.LastContactOn?.ToString("yyyy-MM-dd") ?? "never"),
                    p.LastContactOn is null
                        ? $"No contact with {p.Provider} recorded since the placement began on {p.StartedOn:d MMM yyyy} (every {Days(every)} expected)."
                        : $"Last contact with {p.Provider} on {since:d MMM yyyy} (every {Days(every)} expected).",
                    [EducationEvidence.Placement(p)]);
            }
        }
    }
}
