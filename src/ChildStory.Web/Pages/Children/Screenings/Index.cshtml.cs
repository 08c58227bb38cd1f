using ChildStory.Data;
using ChildStory.Domain.Exploitation;
using ChildStory.Features.Exploitation;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Screenings;

/// <summary>A child's exploitation screenings, and a new one pre-filled with what the chronology already shows.</summary>
public sealed class IndexModel(ScreeningQueries queries, RecordScreening record, IActorAccessor actors) : PageModel
{
    [BindProperty] public List<string> Found { get; set; } = [];
    [BindProperty] public string? FinalLevel { get; set; }
    [BindProperty] public string? JudgementNote { get; set; }
    [BindProperty] public string? ChildTookPart { get; set; }
    [BindProperty] public string? FamilyTookPart { get; set; }
    [BindProperty] public string? RescreenOn { get; set; }

    public ChildScreenings? Child { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (loaded is null)
        {
            // Pre-fill: every indicator the chronology already evidences starts ticked.
            Found = Child!.Evidenced.Where(e => e.Events.Count > 0).Select(e => e.Indicator.Id).ToList();
        }
        return loaded ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var rescreen = ModelState.Date("RescreenOn", RescreenOn, "the re-screen date");
        if (ModelState.IsValid)
        {
            var form = new ScreeningForm(Found.Distinct().Select(f => new ScreeningAnswer(f, null)).ToList(), FormInput.Choice<RiskLevel>(FinalLevel),
                JudgementNote, FormInput.YesNo(ChildTookPart), FormInput.YesNo(FamilyTookPart), rescreen);
            var result = await record.RunAsync(actors.Current, id, form, ct);
            if (result.Succeeded)
            {
                Done = "Screening recorded in the child's story.";
                ModelState.Clear();
                Found = [];
                FinalLevel = JudgementNote = ChildTookPart = FamilyTookPart = RescreenOn = null;
            }
            else if (!ModelState.Show(result.Error!))
            {
                return NotFound();
            }
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await queries.ForChildAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Child = result.Value;
        return null;
    }

    public static IReadOnlyList<SelectOption> Levels { get; } =
        [new("None", "None"), new("Low", "Low"), new("Medium", "Medium: put the child on the next MACE discussion"), new("High", "High: MACE discussion and consider a strategy discussion")];
}
