using ChildStory.Data;
using ChildStory.Features.Escalation;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Differences;

/// <summary>
/// Raising a professional difference: first "is the child at immediate risk of significant harm?" — yes stops here and
/// shows the urgent route; no shows the form, pre-filled with the evidence when it came from something stuck.
/// </summary>
public sealed class NewModel(RaiseDifference raise, DifferenceQueries queries, Features.Access.ChildAccess access, IActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? Alert { get; set; }
    [BindProperty] public string? ImmediateRisk { get; set; }
    [BindProperty] public string? Concerns { get; set; }
    [BindProperty] public string? SubjectAgencyId { get; set; }
    [BindProperty] public string? SubjectPerson { get; set; }
    [BindProperty] public string? WhyItMatters { get; set; }
    [BindProperty] public string? OutcomeSought { get; set; }

    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public DifferenceSubject? Subject { get; private set; }
    public IReadOnlyList<SelectOption> Agencies { get; private set; } = [];

    /// <summary>Which part of the page shows: the first question, the urgent route, or the form.</summary>
    public string Step { get; private set; } = "question";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostRiskAsync(Guid id, CancellationToken ct)
    {
        var stop = await LoadAsync(id, ct);
        if (stop is not null)
        {
            return stop;
        }
        switch (FormInput.YesNo(ImmediateRisk))
        {
            case true:
                var bypass = await raise.BypassAsync(actors.Current, id, ct);
                if (!bypass.Succeeded && !ModelState.Show(bypass.Error!))
                {
                    return NotFound();
                }
                Step = "urgent";
                break;
            case false:
                Step = "form";
                Concerns ??= Subject is null ? null : $"{Subject.Text}. {Subject.Evidence}";
                SubjectAgencyId ??= Subject?.AgencyId?.ToString();
                break;
            default:
                ModelState.AddModelError("ImmediateRisk", "Say whether the child is at immediate risk of significant harm");
                break;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var stop = await LoadAsync(id, ct);
        if (stop is not null)
        {
            return stop;
        }
        var result = await raise.RunAsync(actors.Current, id,
            new RaiseForm(FormInput.YesNo(ImmediateRisk), Concerns, FormInput.Id(SubjectAgencyId), SubjectPerson, WhyItMatters, OutcomeSought, FromLink), ct);
        if (result.Succeeded)
        {
            return Redirect($"/differences/{result.Value}");
        }
        if (!ModelState.Show(result.Error!))
        {
            return NotFound();
        }
        Step = FormInput.YesNo(ImmediateRisk) == true ? "urgent" : FormInput.YesNo(ImmediateRisk) is null ? "question" : "form";
        return Page();
    }

    private string? FromLink => !string.IsNullOrWhiteSpace(From) ? From : FormInput.Id(Alert) is { } alert ? $"alert:{alert}" : null;

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var opened = await access.OpenAsync(actors.Current, id, ct);
        if (!opened.Succeeded || opened.Value == Features.Access.AccessBasis.GlassBreak)
        {
            return NotFound();
        }
        ChildId = id;
        ChildName = await queries.ChildNameAsync(id, ct);
        Subject = await queries.PrefillAsync(id, FromLink, ct);
        From = Subject?.From;
        Agencies = (await queries.AgenciesAsync(actors.Current, ct)).Select(a => new SelectOption(a.Id.ToString(), a.Name)).ToList();
        return null;
    }
}
