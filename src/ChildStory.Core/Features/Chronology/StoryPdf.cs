using System.Globalization;
using System.Text;
using ChildStory.Domain.Chronology;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ChildStory.Features.Chronology;

/// <summary>
/// Lays the chronology out as an A4 landscape table a review panel can print and annotate: a heading naming the
/// child, who exported it, when and which part; then one row per entry with wrapped text; the column headings
/// repeat on every page, and every page carries its protective marking and number. Uses the PDF standard fonts
/// (no font files to ship), so text is reduced to the characters they hold.
/// </summary>
internal static class StoryPdf
{
    public sealed record Heading(string ChildName, DateOnly? DateOfBirth, string? NhsNumber, string ExportedBy, DateTimeOffset ExportedAt, string Scope, int Entries);

    private const double Width = 842, Height = 595, Margin = 36, Size = 8, Leading = 10, Padding = 3;
    private const string Marking = "OFFICIAL-SENSITIVE: contains personal data about a child. Share only with those who need it for the review.";

    private static readonly (string Title, double Width)[] Columns =
    [
        ("Date (UTC)", 62), ("Agency", 110), ("Event", 100), ("What happened", 270), ("Significant", 52), ("Source", 86), ("Author", 90),
    ];

    public static byte[] Render(Heading heading, IReadOnlyList<StoryEntry> entries)
    {
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = $"Multi-agency chronology: {Plain(heading.ChildName)}";
        builder.DocumentInformation.Producer = "ChildStory";
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var pageNumber = 0;
        PdfPageBuilder page = null!;
        double y = 0;

        void NewPage()
        {
            page = builder.AddPage(Width, Height);
            pageNumber++;
            page.AddText(Plain(Marking), 7, new PdfPoint(Margin, Height - 20), bold);
            page.AddText($"Page {pageNumber}", 7, new PdfPoint(Width - Margin - 40, 20), regular);
            page.AddText(Plain($"{heading.ChildName}: chronology exported {heading.ExportedAt:d MMM yyyy HH:mm} UTC"), 7, new PdfPoint(Margin, 20), regular);
            y = Height - 36;
        }

        NewPage();
        page.AddText(Plain($"Multi-agency chronology: {heading.ChildName}"), 16, new PdfPoint(Margin, y - 16), bold);
        y -= 32;
        var facts = new List<string>
        {
            $"Date of birth: {(heading.DateOfBirth is { } dob ? dob.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "not recorded")}" +
                (heading.NhsNumber is { } nhs ? $"    NHS number: {nhs[..3]} {nhs[3..6]} {nhs[6..]}" : ""),
            $"{heading.Scope}: {heading.Entries} {(heading.Entries == 1 ? "entry" : "entries")}",
            $"Exported by {heading.ExportedBy} on {heading.ExportedAt:d MMMM yyyy 'at' HH:mm} UTC from ChildStory. Hearsay entries were reported to the agency, not checked by it.",
        };
        foreach (var line in facts)
        {
            page.AddText(Plain(line), 9, new PdfPoint(Margin, y - 9), regular);
            y -= 13;
        }
        y -= 6;
        HeaderRow();

        foreach (var e in entries)
        {
            var cells = new[]
            {
                e.OccurredAt.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture),
                e.Agency,
                EventTypes.Describe(e.Type) + (e.Version > 1 ? $" (amended, version {e.Version})" : ""),
                (e.EnteredInError ? "ENTERED IN ERROR - " : "") + ExportStory.WhatHappened(e),
                e.Significant ? "Yes" : "",
                (e.Verification == Verification.Verified ? "Verified" : "Hearsay") + "; " + e.Source,
                e.Author,
            }.Select((text, i) => Wrap(page, Plain(text), Columns[i].Width - (2 * Padding), i == 4 ? bold : regular)).ToArray();
            var lines = Math.Min(cells.Max(c => c.Count), 40);
            var rowHeight = (lines * Leading) + (2 * Padding);
            if (y - rowHeight < 36)
            {
                NewPage();
                HeaderRow();
            }
            var x = Margin;
            for (var i = 0; i < Columns.Length; i++)
            {
                if (i == 4 && e.Significant) { page.SetTextAndFillColor(180, 30, 30); }
                for (var l = 0; l < Math.Min(cells[i].Count, lines); l++)
                {
                    page.AddText(cells[i][l], Size, new PdfPoint(x + Padding, y - Padding - Size - (l * Leading) + 1), i == 4 ? bold : regular);
                }
                page.ResetColor();
                x += Columns[i].Width;
            }
            y -= rowHeight;
            page.SetStrokeColor(190, 190, 190);
            page.DrawLine(new PdfPoint(Margin, y), new PdfPoint(Width - Margin, y), 0.5);
            page.ResetColor();
        }
        if (entries.Count == 0)
        {
            page.AddText("No entries match.", 10, new PdfPoint(Margin, y - 14), regular);
        }
        return builder.Build();

        void HeaderRow()
        {
            page.SetTextAndFillColor(230, 230, 230);
            page.DrawRectangle(new PdfPoint(Margin, y - 16), Width - (2 * Margin), 16, 0, fill: true);
            page.ResetColor();
            var x = Margin;
            foreach (var (title, width) in Columns)
            {
                page.AddText(title, Size, new PdfPoint(x + Padding, y - 11), bold);
                x += width;
            }
            y -= 18;
        }
    }

    /// <summary>Breaks text into lines that fit the column, measuring with the font; a word longer than a line is cut.</summary>
    private static List<string> Wrap(PdfPageBuilder page, string text, double width, PdfDocumentBuilder.AddedFont font)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (Measure(page, candidate, font) <= width)
            {
                line.Clear().Append(candidate);
                continue;
            }
            if (line.Length > 0) { lines.Add(line.ToString()); }
            var rest = word;
            while (Measure(page, rest, font) > width && rest.Length > 1)
            {
                var fit = rest.Length - 1;
                while (fit > 1 && Measure(page, rest[..fit], font) > width) { fit--; }
                lines.Add(rest[..fit]);
                rest = rest[fit..];
            }
            line.Clear().Append(rest);
        }
        if (line.Length > 0) { lines.Add(line.ToString()); }
        if (lines.Count == 0) { lines.Add(""); }
        return lines;
    }

    private static double Measure(PdfPageBuilder page, string text, PdfDocumentBuilder.AddedFont font)
    {
        if (text.Length == 0) { return 0; }
        IReadOnlyList<Letter> letters = page.MeasureText(text, Size, new PdfPoint(0, 0), font);
        return letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    /// <summary>The standard PDF fonts hold Latin-1: typographic punctuation becomes its plain form, anything else a '?'.</summary>
    internal static string Plain(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            plain.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201B' => "'",
                '\u201C' or '\u201D' => "\"",
                '\u2013' or '\u2014' or '\u2212' => "-",
                '\u2026' => "...",
                '\u00A0' or '\t' or '\r' or '\n' => " ",
                _ when char.IsControl(c) => " ",
                _ when c > '\u00FF' => "?",
                _ => c.ToString(),
            });
        }
        return plain.ToString();
    }
}
