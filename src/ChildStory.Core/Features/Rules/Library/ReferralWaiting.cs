namespace ChildStory.Features.Rules.Library;

/// <summary>Rule 12: a referral waiting beyond its service's target, or a fast-track referral missing its target.</summary>
public sealed class ReferralWaiting(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "referral-waiting";

    public override string Title => "A referral waiting beyond the service's target";

    public override string Source => "James: a referral to drug services took months when he was willing; exploitation team allocation delayed";

    public override string Guidance => "Ask the service when the next step will happen; if the child has said they are ready, mark a critical moment or escalate.";

    public override bool TimeDriven => true;

    protected override void Declare()
    {
    }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        foreach (var r in child.Referrals.Where(r => r.NextDueAt is { } due && child.Now > due))
        {
            yield return new Finding(Key(r.Id, r.Stage), $"{(r.CriticalMoment ? "Fast-track referral" : "Referral")} to {r.Service} at '{r.Stage}' missed its next step, due {r.NextDueAt:d MMM yyyy HH:mm} UTC.",
                [new Evidence("Referral", r.Id, $"Referral to {r.Service}", r.SentAt)]);
        }
    }
}
