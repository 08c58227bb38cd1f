using ChildStory.Data;
using ChildStory.Domain.Exploitation;
using ChildStory.Features.Access;
using ChildStory.Features.Mapping;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Web.Pages.Children.Network;

/// <summary>Records a link between the child and a person or a place, with its source and grade.</summary>
public sealed class NewModel(RecordAssociation record, ChildAccess access, PeopleAround around, ChildStoryDbContext db, IActorAccessor actors) : PageModel
{
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public string? DateOfBirth { get; set; }
    [BindProperty] public string? ApproximateAge { get; set; }
    [BindProperty] public string? Authority { get; set; }
    [BindProperty] public string? AuthorityContact { get; set; }
    [BindProperty] public string? ExistingPersonId { get; set; }
    [BindProperty] public string? PlaceKind { get; set; }
    [BindProperty] public string? PlaceName { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Reliability { get; set; }
    [BindProperty] public string? Assessment { get; set; }
    [BindProperty] public string? ObservedOn { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool Restricted { get; set; }
    [BindProperty] public string? RestrictedContact { get; set; }

    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<SelectOption> Existing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var born = ModelState.Date("DateOfBirth", DateOfBirth, "the date of birth");
        var seen = ModelState.Date("ObservedOn", ObservedOn, "the date the link was seen");
        int? age = null;
        if (!string.IsNullOrWhiteSpace(ApproximateAge))
        {
            if (int.TryParse(ApproximateAge.Trim(), out var years)) { age = years; }
            else { ModelState.AddModelError("ApproximateAge", "The approximate age must be a whole number of years, like 17"); }
        }
        if (ModelState.IsValid)
        {
            var form = new AssociationForm(FormInput.Choice<LinkTarget>(Target), FormInput.Choice<AssociationKind>(Kind), GivenName, FamilyName, born, age, Authority,
                AuthorityContact, FormInput.Id(ExistingPersonId), FormInput.Choice<PlaceKind>(PlaceKind), PlaceName, Postcode, Source,
                FormInput.Choice<SourceReliability>(Reliability), FormInput.Choice<InformationAssessment>(Assessment), seen, Note, Restricted, RestrictedContact);
            var result = await record.RunAsync(actors.Current, id, form, ct);
            if (result.Succeeded)
            {
                return Redirect($"/children/{id}/network?recorded=1");
            }
            if (!ModelState.Show(result.Error!))
            {
                return NotFound();
            }
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var basis = await access.BasisAsync(actors.Current, id, ct);
        if (basis is not (AccessBasis.Involvement or AccessBasis.FrontDoor))
        {
            return NotFound();
        }
        ChildId = id;
        ChildName = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        Existing = (await around.ChoicesAsync(actors.Current, id, ct)).Select(p => new SelectOption(p.Id.ToString(), p.Name)).ToList();
        return null;
    }

    public static IReadOnlyList<SelectOption> Targets { get; } =
    [
        new(nameof(LinkTarget.Child), "A child or young person in this area", "Matched to their record by name and date of birth, if ChildStory has one"),
        new(nameof(LinkTarget.OutOfAreaChild), "A child from another local authority", "A limited entry with whom to contact there"),
        new(nameof(LinkTarget.Adult), "An adult"),
        new(nameof(LinkTarget.Existing), "Someone already in this child’s network or family"),
        new(nameof(LinkTarget.Place), "A place, vehicle or online handle"),
    ];

    public static IReadOnlyList<SelectOption> Kinds { get; } = Enum.GetValues<AssociationKind>()
        .Select(k => new SelectOption(k.ToString(), char.ToUpperInvariant(LinkWords.Kind(k)[0]) + LinkWords.Kind(k)[1..], Association.IsPlaceKind(k) ? "For a place, vehicle or handle" : "For a person"))
        .ToList();

    public static IReadOnlyList<SelectOption> PlaceKinds { get; } = Enum.GetValues<PlaceKind>()
        .Select(k => new SelectOption(k.ToString(), char.ToUpperInvariant(LinkWords.Place(k)[0]) + LinkWords.Place(k)[1..])).ToList();

    public static IReadOnlyList<SelectOption> Reliabilities { get; } = Enum.GetValues<SourceReliability>().Select(r => new SelectOption(r.ToString(), LinkWords.Reliability(r))).ToList();

    public static IReadOnlyList<SelectOption> Assessments { get; } = Enum.GetValues<InformationAssessment>().Select(a => new SelectOption(a.ToString(), LinkWords.Assessment(a))).ToList();
}
