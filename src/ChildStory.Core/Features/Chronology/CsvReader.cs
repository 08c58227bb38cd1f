using System.Text;

namespace ChildStory.Features.Chronology;

/// <summary>
/// Reads RFC 4180 CSV: commas, double-quoted fields with "" for a quote, and line breaks inside quotes. Each record
/// comes with the line it starts on, so a rejects file can point people at the right line.
/// </summary>
public static class CsvReader
{
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var startLine = 1;
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); } else { quoted = false; }
                }
                else
                {
                    if (ch == '\n') { line++; }
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0) { yield return (startLine, fields.ToArray()); }
                    fields.Clear();
                    line++;
                    startLine = line;
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            if (fields.Count > 1 || fields[0].Length > 0) { yield return (startLine, fields.ToArray()); }
        }
    }
}
