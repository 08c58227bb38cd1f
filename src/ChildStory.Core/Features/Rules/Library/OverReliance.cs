using ChildStory.Domain.Chronology;
using ChildStory.Domain.Rules;

namespace ChildStory.Features.Rules.Library;

/// <summary>Rule 11: most contact with a child rests on one practitioner while other agencies are nominally involved.</summary>
public sealed class OverReliance(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "over-reliance";

    public override string Title => "Contact with the child rests on one practitioner";

    public override string Source => "Child A: her only safe adult was one worker whom every agency leaned on";

    public override string Guidance => "Agree at the next meeting who else will see the child, and how the team will know if that worker is absent.";

    public override AlertAudience Audience => AlertAudience.Managers;

    public override bool TimeDriven => true;

    protected override void Declare()
    {
        Int("WindowDays", 90);
        Int("MinimumContacts", 6);
        Share("Share", 0.6);
        Int("OtherAgencies", 2);
    }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var contacts = child.Within(TimeSpan.FromDays(Int("WindowDays", 90)))
            .Where(e => e.Type is EventType.HomeVisit or EventType.Visit or EventType.ContactAttempt || e.Facts.ChildSeen == true).ToList();
        if (contacts.Count < Int("MinimumContacts", 6))
        {
            yield break;
        }
        var top = contacts.GroupBy(c => c.Author).OrderByDescending(g => g.Count()).First();
        var topAgency = top.First().AgencyId;
        var others = child.ActiveInvolvements.Where(i => i.Targeted && i.AgencyId != topAgency).Select(i => i.AgencyId).Distinct().Count();
        if ((double)top.Count() / contacts.Count < Share("Share", 0.6) || others < Int("OtherAgencies", 2))
        {
            yield break;
        }
        yield return new Finding(Key(top.Key), $"{top.Key} made {top.Count()} of the {contacts.Count} contacts in {Int("WindowDays", 90)} days, while {others} other agencies are involved.",
            top.TakeLast(5).Select(Evidence.Of).ToList());
    }
}
