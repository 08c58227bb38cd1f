using ChildStory.Domain.Education;

namespace ChildStory.Features.Rules.Library;

/// <summary>Rule 13g: a permanent exclusion with no referral to the inclusion project within the set working days.</summary>
public sealed class ExclusionNoInclusionReferral(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "exclusion-no-inclusion-referral";

    public override string Title => "A permanent exclusion without a referral to the inclusion project";

    public override string Source => "Child B: \"Permanent Exclusion, without any referral to EIP\" (the Education Inclusion Project, \"in place for children at risk of exclusion\")";

    public override string Guidance => "Refer the child to the inclusion project now, and make sure the provision that follows has his history and the concerns about him.";

    public override Domain.Rules.AlertAudience Audience => Domain.Rules.AlertAudience.Team;

    public override bool TimeDriven => true;

    protected override void Declare() => Int("WorkingDays", 5);

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var days = Int("WorkingDays", 5);
        foreach (var x in child.Education.Exclusions.Where(x => x.Kind == ExclusionKind.Permanent))
        {
            var due = child.Calendar.Due(EducationEvidence.At(x.StartsOn), Calendar.DeadlineRule.WorkingDays(days)).Due;
            if (child.Now > due && (x.InclusionReferralOn is null || child.Calendar.DateOf(due) < x.InclusionReferralOn))
            {
                yield return new Finding(Key(x.Id, "inclusion"), $"Permanently excluded on {x.StartsOn:d MMM yyyy}; no referral to the inclusion project within {days} working days.",
                    [new Evidence("Exclusion", x.Id, "Permanent exclusion", EducationEvidence.At(x.StartsOn))]);
            }
        }
    }
}

/// <summary>
/// Rule 13h: elective home education for a child with an EHC plan (or one being assessed), on a plan, or on the
/// complex-needs register.
/// </summary>
public sealed class HomeEducationVulnerable(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "home-education-vulnerable";

    public override string Title => "Elective home education for a child with complex needs or a plan";

    public override string Source => "Child Three: home educated with complex needs, he went \"off the radar\"; Child B: \"Parental decision to electively home educate to prevent exclusion\"";

    public override string Guidance => "The local authority's education team visits and sees the child, reviews with the agencies involved whether home education is suitable and safe, and records who keeps in touch.";

    public override Domain.Rules.AlertAudience Audience => Domain.Rules.AlertAudience.Team;

    protected override void Declare() { }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var today = child.Today;
        foreach (var home in child.Education.HomeEducation.Where(h => h.ActiveOn(today)))
        {
            var reasons = new List<string>();
            var evidence = new List<Evidence> { new("HomeEducation", home.Id, "Elective home education", EducationEvidence.At(home.StartedOn)) };
            if (child.Education.Ehcps.FirstOrDefault(p => p.CeasedOn is null || p.CeasedOn >= today) is { } ehcp)
            {
                reasons.Add(ehcp.IssuedOn is null ? "an EHC needs assessment under way" : "an EHC plan");
                evidence.Add(EducationEvidence.Ehcp(ehcp, ehcp.IssuedOn is null ? "EHC needs assessment requested" : "EHC plan", ehcp.IssuedOn ?? ehcp.RequestedOn));
            }
            if (child.Plans.FirstOrDefault(p => p.ActiveOn(today)) is { } plan)
            {
                reasons.Add($"a {EducationEvidence.PlanName(plan.Kind).ToLowerInvariant()}");
                evidence.Add(new Evidence("Plan", plan.Id, EducationEvidence.PlanName(plan.Kind), EducationEvidence.At(plan.StartedOn)));
            }
            if (child.Education.OnRegisterSince is not null)
            {
                reasons.Add("complex needs (on the register)");
            }
            if (reasons.Count > 0)
            {
                yield return new Finding(Key(home.Id, string.Join(",", reasons)),
                    $"Home educated since {home.StartedOn:d MMM yyyy}, with {string.Join(" and ", reasons)}{(home.SafeguardingReviewOn is null ? "; no safeguarding review recorded" : "")}.",
                    evidence);
            }
        }
    }
}

/// <summary>Rule 13i: a child missing education — of school age, on no roll and not educated otherwise.</summary>
public sealed class MissingEducationRule(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "missing-education";

    public override string Title => "A child missing education";

    public override string Source => "James: 1,800 pupils in Warwickshire \"not on any school roll\"; Child Three, home educated with complex needs, went \"off the radar\"";

    public override string Guidance => "The local authority's children missing education officer finds a school place or suitable education, and sees the child.";

    public override Domain.Rules.AlertAudience Audience => Domain.Rules.AlertAudience.Team;

    protected override void Declare() { }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        foreach (var missing in child.Education.MissingEducation.Where(m => m.ActiveOn(child.Today)))
        {
            yield return new Finding(Key(missing.Id, "missing"), $"Missing education since {missing.StartedOn:d MMM yyyy}: on no roll and not educated otherwise.",
                [new Evidence("MissingEducation", missing.Id, "Child missing education", EducationEvidence.At(missing.StartedOn))]);
        }
    }
}
