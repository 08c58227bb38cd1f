using ChildStory.Data;
using ChildStory.Domain.People;
using ChildStory.Features.Children;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children;

public sealed class RecordModel(GetChildRecord get, IActorAccessor actors, Features.Exploitation.PossibleVictim victims, Features.Education.EducationPicture education) : PageModel
{
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "visit")] public int? Visited { get; set; }

    public ChildRecord Record { get; private set; } = null!;

    /// <summary>The "possible victim of exploitation" marker, when the child is flagged at risk.</summary>
    public Features.Exploitation.PossibleVictim.Marker? PossibleVictim { get; private set; }

    /// <summary>Police and youth justice see the marker at the top of the record: they meet the child as a suspect (Child B).</summary>
    public bool MarkerFirst { get; private set; }

    /// <summary>The education picture at a glance: roll, attendance, provision, EHC plan (issue 9).</summary>
    public Features.Education.EducationPictureView? Education { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await get.RunAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Record = result.Value;
        PossibleVictim = await victims.ForAsync(id, ct);
        MarkerFirst = PossibleVictim is not null && await victims.ProminentForAsync(actors.Current, ct);
        Education = (await education.ForChildAsync(actors.Current, id, ct)) is { Succeeded: true } picture ? picture.Value : null;
        return Page();
    }

    /// <summary>An event type in words: "EmergencyDepartmentAttendance" → "A&amp;E attendance" where the short form is usual.</summary>
    public static string Describe(ChildStory.Domain.Chronology.EventType type) => ChildStory.Domain.Chronology.EventTypes.Describe(type);

    public static string Describe(Gender gender) => gender switch
    {
        Gender.NotKnown => "Not known",
        Gender.NonBinary => "Non-binary",
        Gender.NotStated => "Not stated",
        _ => gender.ToString(),
    };

    public static string Describe(RelationshipKind kind) => kind switch
    {
        RelationshipKind.StepParent => "Step-parent",
        RelationshipKind.ParentsPartner => "Parent's partner",
        RelationshipKind.FosterCarer => "Foster carer",
        RelationshipKind.KinshipCarer => "Kinship carer",
        RelationshipKind.HalfSibling => "Half-sibling",
        RelationshipKind.StepSibling => "Step-sibling",
        RelationshipKind.OtherRelative => "Other relative",
        RelationshipKind.OtherAdultInHousehold => "Other adult in the household",
        RelationshipKind.Partner => "In a relationship with the child",
        _ => kind.ToString(),
    };

    public static string Describe(InvolvementRole role) => Features.TeamAroundChild.Words.Role(role);
}
