using ChildStory.Domain.People;

namespace ChildStory.Features.Rules.Library;

/// <summary>Rule 5: a child in a "relationship" with, or living with, an adult five or more years older.</summary>
public sealed class AgeGapRelationship(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "age-gap-relationship";

    public override string Title => "A child in a relationship with, or living with, an adult five or more years older";

    public override string Source => "Child A: lived with an adult \"boyfriend\"; professionals saw a relationship, not exploitation (whatever the genders)";

    public override string Guidance => "Complete a sexual exploitation screening; do not treat it as a relationship between equals.";

    protected override void Declare()
    {
        Int("MinimumGapYears", 5);
        Int("LivingWithFromAge", 12);
    }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        if (child.DateOfBirth is not { } dob || child.AgeInYears(child.Now) >= 18)
        {
            yield break;
        }
        var gap = Int("MinimumGapYears", 5);
        // Living with an unrelated adult is the concern for an adolescent; a young child's lodger is for other rules.
        var adolescent = child.AgeInYears(child.Now) >= Int("LivingWithFromAge", 12);
        foreach (var r in child.Relationships.Where(r => r.DateOfBirth is not null
            && (r.Kind == RelationshipKind.Partner || (adolescent && r.LivesWithChild && r.Kind is RelationshipKind.OtherAdultInHousehold))))
        {
            var years = (dob.DayNumber - r.DateOfBirth!.Value.DayNumber) / 365.25;
            if (years >= gap)
            {
                yield return new Finding(Key(r.Id),
                    $"{r.Name ?? "An adult"} ({(r.Kind == RelationshipKind.Partner ? "in a relationship with the child" : "living with the child")}) is {Math.Floor(years)} years older.",
                    [new Evidence(r.EvidenceKind, r.Id, $"{r.Name}: {r.Kind}", r.RecordedAt)]);
            }
        }
    }
}
