using System.Globalization;
using ChildStory.Common;
using ChildStory.Features.Chronology;
using ChildStory.Identifiers;

namespace ChildStory.Features.Identity;

/// <summary>
/// <c>childstory link --input people.csv --output clusters.csv</c>: the matcher over a file of person records with
/// the columns id,given_name,family_name,date_of_birth,sex,postcode,nhs_number,upn (the last five may be empty),
/// writing id,cluster_id. Invalid NHS numbers and UPNs are ignored (never trusted as identifiers) and counted.
/// </summary>
public static class LinkFile
{
    public static readonly string[] Columns = ["id", "given_name", "family_name", "date_of_birth", "sex", "postcode", "nhs_number", "upn"];

    public sealed record Summary(int Records, int Clusters, int CandidatePairs, int IgnoredIdentifiers, TimeSpan Elapsed);

    public static Result<Summary> Run(string input, string output)
    {
        if (!File.Exists(input))
        {
            return Error.Invalid("input", $"There is no file at {input}");
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var records = new List<PersonRecord>();
        var ignored = 0;
        string[]? header = null;
        using (var reader = new StreamReader(input))
        {
            foreach (var (line, fields) in CsvReader.Read(reader))
            {
                if (header is null)
                {
                    header = fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
                    var missing = Columns.Except(header).ToList();
                    if (missing.Count > 0)
                    {
                        return Error.Invalid("input", $"Line {line}: missing column(s) {string.Join(", ", missing)}; the columns are {string.Join(",", Columns)}");
                    }
                    continue;
                }
                string? Get(string column) => Array.IndexOf(header, column) is var i and >= 0 && i < fields.Length && fields[i].Trim().Length > 0 ? fields[i].Trim() : null;
                var id = Get("id");
                if (id is null)
                {
                    return Error.Invalid("input", $"Line {line}: every record needs an id");
                }
                var nhs = Get("nhs_number") is { } n ? NhsNumber.Parse(n) : (ParsedIdentifier?)null;
                var upn = Get("upn") is { } u ? UniquePupilNumber.Parse(u) : (ParsedIdentifier?)null;
                ignored += (nhs is { IsValid: false } ? 1 : 0) + (upn is { IsValid: false } ? 1 : 0);
                DateOnly? dob = Get("date_of_birth") is { } d && (DateOnly.TryParseExact(d, ["yyyy-MM-dd", "yyyyMMdd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) ? parsed : null;
                records.Add(PersonRecord.Create(id, Get("given_name"), Get("family_name"), dob, Get("sex"), Get("postcode"),
                    nhs is { IsValid: true } ? nhs.Value.Value : null, upn is { IsValid: true } ? upn.Value.Value : null));
            }
        }
        var result = Linker.Link(records);
        using (var writer = new StreamWriter(output))
        {
            writer.WriteLine("id,cluster_id");
            foreach (var record in records)
            {
                var id = record.Id.Contains(',') || record.Id.Contains('"') ? $"\"{record.Id.Replace("\"", "\"\"")}\"" : record.Id;
                writer.WriteLine($"{id},{result.ClusterOf[record.Id]}");
            }
        }
        return new Summary(records.Count, result.ClusterOf.Values.Distinct().Count(), result.CandidatePairs, ignored, started.Elapsed);
    }
}
