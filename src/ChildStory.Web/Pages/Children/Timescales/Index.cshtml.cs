using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Features.Calendar;
using ChildStory.Features.Timescales;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Pages.Children.Timescales;

/// <summary>A child's statutory clocks: what is due and how that was worked out, what was met late and why; start, complete or stop one.</summary>
public sealed class IndexModel(TimescaleQueries queries, StartTimescale start, CompleteTimescale complete, IOptions<CalendarOptions> calendar, IActorAccessor actors) : FormPage
{
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? TimescaleId { get; set; }
    [BindProperty] public string? StartedAt { get; set; }
    [BindProperty] public string? StartedAtTime { get; set; }
    [BindProperty] public string? CompletedAt { get; set; }
    [BindProperty] public string? CompletedAtTime { get; set; }
    [BindProperty] public string? LateReason { get; set; }
    [BindProperty] public string? StopReason { get; set; }
    [BindProperty] public string? StopTimescaleId { get; set; }
    [BindProperty] public string? ExplainTimescaleId { get; set; }
    [BindProperty] public string? ExplainReason { get; set; }

    public ChildTimescales? Clocks { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct)
    {
        var at = ModelState.DateTime("StartedAt", StartedAt, StartedAtTime, "the date the clock starts", calendar.Value, timeRequired: false);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ?? Page();
        }
        var result = await start.RunAsync(actors.Current, id, FormInput.Choice<TimescaleKind>(Kind), at, ct);
        return await AfterAsync(id, result.Succeeded ? true : result.Error!, "Clock started.", ct);
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct)
    {
        var at = ModelState.DateTime("CompletedAt", CompletedAt, CompletedAtTime, "the date it was done", calendar.Value, timeRequired: false);
        Require("TimescaleId", TimescaleId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ?? Page();
        }
        return await AfterAsync(id, await complete.CompleteAsync(actors.Current, Chosen, at, LateReason, ct), "Recorded as met.", ct);
    }

    public async Task<IActionResult> OnPostExplainAsync(Guid id, CancellationToken ct) =>
        Require("ExplainTimescaleId", ExplainTimescaleId) ? await AfterAsync(id, await complete.ExplainAsync(actors.Current, FormInput.Id(ExplainTimescaleId) ?? Guid.Empty, ExplainReason, ct), "Reason recorded.", ct) : await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostStopAsync(Guid id, CancellationToken ct) =>
        Require("StopTimescaleId", StopTimescaleId) ? await AfterAsync(id, await complete.StopAsync(actors.Current, FormInput.Id(StopTimescaleId) ?? Guid.Empty, StopReason, ct), "Clock stopped.", ct) : await LoadAsync(id, ct) ?? Page();

    private Task<IActionResult> AfterAsync(Guid id, Result<bool> result, string done, CancellationToken ct) =>
        AfterAsync(result, done, () => LoadAsync(id, ct), () => TimescaleId = Kind = StartedAt = StartedAtTime = CompletedAt = CompletedAtTime = LateReason = StopReason = null);

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await queries.ForChildAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Clocks = result.Value;
        return null;
    }

    private bool Require(string field, string? value)
    {
        if (FormInput.Id(value) is null)
        {
            ModelState.AddModelError(field, "Choose the clock");
            return false;
        }
        return true;
    }

    /// <summary>The clock chosen on the form (an empty id finds nothing, and the page says so).</summary>
    private Guid Chosen => FormInput.Id(TimescaleId) ?? Guid.Empty;

    public static IReadOnlyList<SelectOption> Startable { get; } = StartTimescale.StartableByHand.Select(k => new SelectOption(k.ToString(), Timescale.Describe(k))).ToList();
}
