using System.Text;
using ChildStory.Data;
using ChildStory.Features.Rules;
using ChildStory.Features.Rules.Library;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Register;

/// <summary>The complex-needs register: filters, CSV export, and entries and exits over the last twelve months.</summary>
public sealed class IndexModel(ComplexNeedsRegister register, IActorAccessor actors) : PageModel
{
    [FromQuery] public string? Domain { get; set; }
    [FromQuery] public string? FastTrack { get; set; }

    public RegisterView? Register { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var failed = await LoadAsync(ct);
        return failed ?? File(Encoding.UTF8.GetBytes(ComplexNeedsRegister.Csv(Register!)), "text/csv; charset=utf-8", "complex-needs-register.csv");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var result = await register.RunAsync(actors.Current, FormInput.Choice<ConcernDomain>(Domain), FormInput.YesNo(FastTrack), ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Register = result.Value;
        return null;
    }

    public static IReadOnlyList<SelectOption> Domains { get; } = Enum.GetValues<ConcernDomain>().Select(d => new SelectOption(d.ToString(), ComplexNeeds.Describe(d))).ToList();
}
