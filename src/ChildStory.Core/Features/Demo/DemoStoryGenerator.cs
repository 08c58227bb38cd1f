using ChildStory.Domain.Chronology;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;

namespace ChildStory.Features.Demo;

/// <summary>
/// Gives each demo child a story: the events each agency working with them would have sent — GP appointments
/// (some "was not brought"), home visits (seen, seen alone, or not), police incidents with children present,
/// missing episodes and return interviews, CAMHS contacts and closures, A&amp;E attendances after self-harm, school
/// attendance, the child's own words. Children known to one service have the fuller stories, as in the reviews.
/// </summary>
internal sealed class DemoStoryGenerator(DemoRandom random, DemoPartnership p, DateOnly today)
{
    private const string ExploitationContact = "Child Exploitation Team duty desk, 01632 960444";
    private static readonly string[] Voices =
    [
        "\"I don't like it when they shout. I go to my room and put my headphones on.\"",
        "\"School is alright. I just don't want to go in the mornings.\"",
        "\"I want to live with my nan.\"",
        "\"Nobody listens anyway, so what's the point.\"",
        "\"I like football club. Coach is kind to me.\"",
    ];

    private readonly Dictionary<Guid, Practitioner> _practitioners = p.Practitioners.ToDictionary(x => x.Id);
    private readonly DemoTeam _emergencyDepartment = p.Teams.First(t => t.Team.Name == "Emergency Department");

    public void Add(DemoFamily family, Person child, IReadOnlyList<Involvement> involvements)
    {
        var targeted = involvements.Any(i => i.Role is not (InvolvementRole.GeneralPractitioner or InvolvementRole.DesignatedSafeguardingLead));
        foreach (var i in involvements)
        {
            var end = i.EndedOn ?? today;
            var author = i.PractitionerId is { } id && _practitioners.TryGetValue(id, out var who) ? who.DisplayName : "Duty practitioner";
            void Event(EventType type, string summary, bool significant = false, EventFacts? facts = null, Verification verification = Verification.Verified, Sensitivity sensitivity = Sensitivity.None, Guid? agency = null, string? by = null) =>
                family.Events.Add(Make(child, agency ?? i.AgencyId, type, random.DateBetween(i.StartedOn, end), by ?? author, summary, significant, facts, verification, sensitivity));

            switch (i.Role)
            {
                case InvolvementRole.GeneralPractitioner:
                    Repeat(random.Between(0, 2), () => Event(EventType.GpAppointmentAttended, "Seen with parent for a routine appointment"));
                    if (random.Chance(targeted ? 0.3 : 0.06)) { Event(EventType.GpAppointmentWasNotBrought, "Was not brought to a booked appointment; no contact from parent", significant: targeted); }
                    break;
                case InvolvementRole.DesignatedSafeguardingLead when targeted:
                    var low = random.Chance(0.4);
                    Repeat(3, () => Event(EventType.SchoolAttendance, low ? $"Attendance this half-term {random.Between(35, 85)}%" : $"Attendance this half-term {random.Between(90, 100)}%", significant: low,
                        facts: new EventFacts(AttendancePercent: low ? random.Between(35, 85) : random.Between(90, 100))));
                    if (low && random.Chance(0.25)) { Event(EventType.Suspension, "Suspended for 3 days after an incident in class", significant: true); }
                    break;
                case InvolvementRole.AllocatedSocialWorker or InvolvementRole.FamilySupportWorker:
                    family.Events.Add(Make(child, i.AgencyId, EventType.ReferralReceived, i.StartedOn, author, "Referral accepted for assessment", true, null, Verification.Verified, Sensitivity.None));
                    Repeat(random.Between(2, 8), () =>
                    {
                        var seen = random.Chance(0.8);
                        Event(seen ? EventType.HomeVisit : EventType.ContactAttempt, seen ? "Home visit; child seen" : "Visited; no answer at the door", significant: !seen,
                            facts: new EventFacts(Planned: random.Chance(0.7), Successful: seen, ChildSeen: seen, ChildSeenAlone: seen && random.Chance(0.5)));
                    });
                    if (random.Chance(0.6)) { Event(EventType.VoiceOfTheChild, random.Pick(Voices)); }
                    break;
                case InvolvementRole.InvestigatingOfficer or InvolvementRole.CaseOfficer:
                    Repeat(random.Between(1, 4), () =>
                    {
                        var domestic = random.Chance(0.4);
                        Event(EventType.PoliceIncident, domestic ? "Domestic incident at the home address" : "Reported by a neighbour: shouting and a door slammed", significant: domestic,
                            facts: new EventFacts(ChildPresent: random.Chance(0.6), DomesticAbuse: domestic), verification: domestic ? Verification.Verified : Verification.Hearsay);
                    });
                    if (i.TeamId == p.ExploitationTeam.Team.Id)
                    {
                        Repeat(random.Between(1, 3), () =>
                        {
                            Event(EventType.MissingEpisode, "Reported missing overnight by parent", significant: true);
                            Event(EventType.ReturnHomeInterview, "Return home interview: would not say where he had been", agency: p.YoungPeoplesService.Agency.Id, by: p.YoungPeoplesService.Worker(random).DisplayName);
                        });
                        if (random.Chance(0.5)) { Event(EventType.SignificantEvent, "Seen with older males linked to drug supply", significant: true, sensitivity: Sensitivity.PoliceIntelligence); }
                    }
                    break;
                case InvolvementRole.Clinician:
                    Event(EventType.CamhsAssessment, "Initial assessment: low mood and anxiety");
                    Repeat(random.Between(1, 4), () => Event(EventType.CamhsContact, random.Chance(0.7) ? "Appointment attended" : "Did not attend; letter sent"));
                    if (random.Chance(0.25))
                    {
                        Event(EventType.OverdoseOrSelfHarm, "Took an overdose of paracetamol", significant: true, agency: _emergencyDepartment.Agency.Id, by: _emergencyDepartment.Worker(random).DisplayName);
                        Event(EventType.EmergencyDepartmentAttendance, "Attended A&E after overdose; medically fit, discharged home", significant: true, agency: _emergencyDepartment.Agency.Id, by: _emergencyDepartment.Worker(random).DisplayName);
                    }
                    if (i.EndedOn is { } closed) { family.Events.Add(Make(child, i.AgencyId, EventType.CamhsClosure, closed, author, $"Closed: {i.EndReason}", true, null, Verification.Verified, Sensitivity.None)); }
                    break;
                case InvolvementRole.YouthJusticeWorker:
                    Event(EventType.Arrest, "Arrested on suspicion of possession with intent to supply", significant: true, agency: p.ExploitationTeam.Agency.Id, by: "Custody sergeant");
                    break;
                case InvolvementRole.SubstanceMisuseWorker:
                    Repeat(random.Between(1, 3), () => Event(EventType.DrugAndAlcoholServiceContact, random.Chance(0.6) ? "Session held: daily cannabis use discussed" : "Did not attend"));
                    break;
                case InvolvementRole.KeyWorker:
                    family.Events.Add(Make(child, i.AgencyId, EventType.AlternativeProvisionStart, i.StartedOn, author, "Started part-time placement, 2 mornings a week", true, null, Verification.Verified, Sensitivity.None));
                    break;
                case InvolvementRole.NamedNurse:
                    Event(EventType.HospitalAdmission, "Admitted to the children's ward");
                    Event(EventType.HospitalDischarge, "Discharged home with follow-up from the GP");
                    break;
            }
        }
    }

    private ChronologyEvent Make(Person child, Guid agencyId, EventType type, DateOnly day, string author, string summary, bool significant, EventFacts? facts, Verification verification, Sensitivity sensitivity)
    {
        var occurred = new DateTimeOffset(day.ToDateTime(new TimeOnly(random.Between(7, 22), random.Between(0, 59))), TimeSpan.Zero);
        var recorded = occurred.AddHours(random.Between(1, 48));
        var id = random.NextId();
        var e = new ChronologyEvent(id, agencyId, $"demo-{id:N}", type, occurred, recorded, recorded.AddMinutes(random.Between(1, 30)), author, summary,
            new EventSubject(child.GivenName, child.FamilyName, child.DateOfBirth, child.Gender.ToString(), null, child.NhsNumber, child.Upn, null));
        e.Describe(null, significant, verification, facts ?? new EventFacts());
        e.MarkSensitive(sensitivity, sensitivity == Sensitivity.None ? null : ExploitationContact);
        e.LinkTo(child.Id, child.NhsNumber is not null ? LinkBasis.NhsNumber : child.Upn is not null ? LinkBasis.Upn : LinkBasis.AgencyReference);
        return e;
    }

    private static void Repeat(int times, Action action)
    {
        for (var n = 0; n < times; n++) { action(); }
    }
}
