namespace ChildStory.Domain.Calendar;

/// <summary>One England and Wales bank holiday, as published by gov.uk (substitute days included).</summary>
public sealed class BankHoliday
{
    private BankHoliday() { }

    public BankHoliday(DateOnly date, string title, string? notes)
    {
        Date = date;
        Title = title;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes;
    }

    public DateOnly Date { get; private set; }
    public string Title { get; private set; } = "";
    public string? Notes { get; private set; }

    public void Update(string title, string? notes)
    {
        Title = title;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes;
    }

    /// <summary>"Boxing Day (substitute day)": how the calendar names the day when it explains a deadline.</summary>
    public string Name => Notes is null ? Title : $"{Title} ({Notes.ToLowerInvariant()})";
}
