namespace ChildStory.Web.Pages.Shared;

/// <summary>A GOV.UK text input with its label, hint and error, rendered by the _Field partial.</summary>
public sealed record Field(
    string Name,
    string Label,
    string? Value,
    string? Error,
    string Type = "text",
    string? Hint = null,
    string? Autocomplete = null,
    string? Width = null,
    bool LabelIsHeading = false,
    string? InputMode = null);
