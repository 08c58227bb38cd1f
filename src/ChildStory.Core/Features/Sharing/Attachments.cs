using System.Text;
using ChildStory.Common;

namespace ChildStory.Features.Sharing;

/// <summary>A file as uploaded: its name as the sender's computer gave it, and its bytes.</summary>
public sealed record AttachmentInput(string FileName, byte[] Content);

/// <summary>
/// Which files a share may carry and how each is checked: PDF, Word, Excel, JPEG, PNG or plain text, at most
/// <see cref="MaxFiles"/> files of <see cref="MaxBytes"/> each. The content must be what the name says (a renamed
/// program is refused), and the name is reduced to its last segment without control or path characters.
/// </summary>
public static class Attachments
{
    public const int MaxFiles = 5;
    public const int MaxBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, (string ContentType, Func<byte[], bool> Looks)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", b => Starts(b, "%PDF-"u8)),
        [".png"] = ("image/png", b => Starts(b, [0x89, 0x50, 0x4E, 0x47])),
        [".jpg"] = ("image/jpeg", b => Starts(b, [0xFF, 0xD8, 0xFF])),
        [".jpeg"] = ("image/jpeg", b => Starts(b, [0xFF, 0xD8, 0xFF])),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", b => Starts(b, "PK"u8)),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b => Starts(b, "PK"u8)),
        [".txt"] = ("text/plain; charset=utf-8", IsUtf8Text),
    };

    public static string Kinds => "PDF, Word (.docx), Excel (.xlsx), JPEG, PNG or plain text";

    /// <summary>Checks every file, naming each bad one and why, and returns the ones to keep with their content types.</summary>
    public static List<(string FileName, string ContentType, byte[] Content)> Check(IReadOnlyList<AttachmentInput> files, ValidationErrors errors)
    {
        var kept = new List<(string, string, byte[])>();
        if (files.Count > MaxFiles)
        {
            errors.Add("Attachments", $"Attach at most {MaxFiles} files to one share ({files.Count} were chosen)");
            return kept;
        }
        foreach (var file in files)
        {
            var name = CleanName(file.FileName);
            var extension = Path.GetExtension(name);
            if (file.Content.Length == 0)
            {
                errors.Add("Attachments", $"{name} is empty");
            }
            else if (file.Content.Length > MaxBytes)
            {
                errors.Add("Attachments", $"{name} is {file.Content.Length / (1024.0 * 1024):0.#} MB; each file must be 10 MB or smaller");
            }
            else if (!Allowed.TryGetValue(extension, out var kind))
            {
                errors.Add("Attachments", $"{name} is not a kind of file ChildStory accepts: {Kinds}");
            }
            else if (!kind.Looks(file.Content))
            {
                errors.Add("Attachments", $"{name} does not contain what its name says ({extension}); save it again as {extension} and attach that");
            }
            else
            {
                kept.Add((name, kind.ContentType, file.Content));
            }
        }
        return kept;
    }

    private static string CleanName(string fileName)
    {
        var last = fileName.Replace('\\', '/').Split('/').Last();
        var clean = new string(last.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or ':' or '|' or '?' or '*')).ToArray()).Trim();
        if (clean.Length == 0) { clean = "attachment"; }
        return clean.Length <= 200 ? clean : clean[..(200 - Path.GetExtension(clean).Length)] + Path.GetExtension(clean);
    }

    private static bool Starts(byte[] content, ReadOnlySpan<byte> magic) => content.AsSpan().StartsWith(magic);

    private static bool IsUtf8Text(byte[] content)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            return !text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t'));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
