namespace ChildStory.Web.Pages.Shared;

/// <summary>A GOV.UK select, rendered by the _Select partial; options may be grouped (e.g. teams by agency).</summary>
public sealed record SelectField(string Name, string Label, string? Value, string? Error, IReadOnlyList<SelectOption> Options, string? Hint = null, string? EmptyText = "Select");

public sealed record SelectOption(string Value, string Text, string? Group = null);
