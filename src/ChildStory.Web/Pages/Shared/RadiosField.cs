namespace ChildStory.Web.Pages.Shared;

/// <summary>A GOV.UK radios fieldset with its legend, hint and error, rendered by the _Radios partial (an option's Group is shown as its hint).</summary>
public sealed record RadiosField(string Name, string Legend, string? Value, string? Error, IReadOnlyList<SelectOption> Options, string? Hint = null, bool Inline = false);
