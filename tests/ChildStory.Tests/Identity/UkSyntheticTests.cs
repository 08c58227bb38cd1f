using ChildStory.Features.Identity;
using Xunit.Abstractions;

namespace ChildStory.Tests.Identity;

/// <summary>
/// The linker on 20,000 synthetic UK child records (<see cref="SyntheticPeople"/>): common names shared by many
/// children, siblings, twins, nicknames, typos, swapped and placeholder dates of birth, house moves.
/// </summary>
public sealed class UkSyntheticTests(ITestOutputHelper output)
{
    private static readonly SyntheticPeople.Set Set = SyntheticPeople.Generate(20_000);

    [Fact]
    public void The_same_seed_gives_the_same_set()
    {
        var again = SyntheticPeople.Generate(20_000);
        Assert.Equal(Set.Rows, again.Rows);
        Assert.Equal(20_000, Set.Rows.Count);
        // Hard on purpose: twins, and common names shared by many different children.
        Assert.True(Set.Rows.Count(r => r.TwinOf is not null) > 100);
        var smiths = Set.Rows.Where(r => r.Family == "Smith").Select(r => r.Person).Distinct().Count();
        Assert.True(smiths > 200, $"{smiths} Smiths");
    }

    [Fact]
    public void Links_uk_records_with_high_precision_and_recall_and_never_joins_twins_that_are_named()
    {
        var result = Linker.Link(Set.Records());
        var (precision, recall, f1) = Score(result.ClusterOf);
        output.WriteLine($"UK synthetic: {Set.Rows.Count} records, {result.CandidatePairs} candidate pairs, precision {precision:F4}, recall {recall:F4}, F1 {f1:F4}");

        var twinLinks = Set.Rows.Where(r => r.TwinOf is not null)
            .SelectMany(t => Set.Rows.Where(o => o.Person == t.TwinOf && result.ClusterOf[o.Id] == result.ClusterOf[t.Id]).Select(o => (t, o)))
            .ToList();
        var namedTwinLinks = twinLinks.Count(p => p.t.Given.Length > 0 && p.o.Given.Length > 0);
        output.WriteLine($"Twin record pairs in one cluster: {twinLinks.Count} (all involving a record with no given name: {namedTwinLinks == 0})");

        // Measured 0.969 (precision 0.969, recall 0.970) with the matcher of this commit; the floor stops it slipping.
        Assert.True(f1 >= 0.94, $"F1 {f1:F4} (precision {precision:F4}, recall {recall:F4})");
        Assert.Equal(0, namedTwinLinks);
    }

    [Fact]
    public void The_set_is_written_as_a_file_childstory_link_reads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"childstory-uk-{Guid.NewGuid():N}.csv");
        try
        {
            SyntheticPeople.Generate(500).WriteCsv(path);
            var lines = File.ReadAllLines(path);
            Assert.Equal(501, lines.Length);
            Assert.StartsWith(string.Join(",", LinkFile.Columns), lines[0]);
            Assert.Equal(LinkFile.Columns.Length + 1, lines[1].Split(',').Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (double Precision, double Recall, double F1) Score(IReadOnlyDictionary<string, int> clusterOf) =>
        LinkageData.Score([.. Set.Rows.Select(r => (PersonRecord.Create(r.Id, r.Given, r.Family, r.DateOfBirth, r.Sex, r.Postcode, r.NhsNumber, null), r.Person.ToString(System.Globalization.CultureInfo.InvariantCulture)))], clusterOf);
}
