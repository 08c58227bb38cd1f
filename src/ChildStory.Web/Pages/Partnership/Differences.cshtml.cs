using System.Text;
using ChildStory.Data;
using ChildStory.Features.Escalation;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Partnership;

/// <summary>The partnership's learning about escalation: numbers, bar charts drawn on the server, and a CSV for the board.</summary>
public sealed class DifferencesModel(PartnershipLearning learning, IActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public LearningReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await RunAsync(false, ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => await RunAsync(true, ct);

    private async Task<IActionResult> RunAsync(bool csv, CancellationToken ct)
    {
        if (!PartnershipLearning.MayRead(actors.Current))
        {
            return NotFound();
        }
        var from = ModelState.Date("From", From, "the start of the period");
        var to = ModelState.Date("To", To, "the end of the period");
        if (!ModelState.IsValid)
        {
            return csv ? BadRequest() : Page();
        }
        var result = await learning.RunAsync(actors.Current, from, to, ct);
        if (!result.Succeeded)
        {
            if (!ModelState.Show(result.Error!))
            {
                return NotFound();
            }
            return csv ? BadRequest() : Page();
        }
        Report = result.Value;
        return csv
            ? File(Encoding.UTF8.GetBytes(PartnershipLearning.Csv(Report)), "text/csv", $"escalation-learning-{Report.From:yyyy-MM-dd}-to-{Report.To:yyyy-MM-dd}.csv")
            : Page();
    }
}
