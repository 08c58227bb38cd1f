using ChildStory.Data;
using ChildStory.Tests.Infrastructure;

namespace ChildStory.Tests.Identity;

/// <summary><c>childstory link</c> over a file, scored against FEBRL's ground truth.</summary>
public sealed class LinkCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("childstory-link-").FullName;
    private readonly DatabaseSettings _unused = new(DatabaseProvider.Sqlite, "Data Source=:memory:");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Link_writes_a_cluster_for_every_record_that_matches_the_truth_as_well_as_the_matcher_does()
    {
        var data = LinkageData.Febrl("febrl-dataset1.csv");
        var input = Path.Combine(_folder, "people.csv");
        var output = Path.Combine(_folder, "clusters.csv");
        await File.WriteAllLinesAsync(input, data.Select(d =>
            $"{d.Record.Id},{d.Record.Given},{d.Record.Family},{d.Record.DateOfBirth:yyyy-MM-dd},,{d.Record.Postcode},,")
            .Prepend("id,given_name,family_name,date_of_birth,sex,postcode,nhs_number,upn").Append("extra,amy,smith,2010-01-01,F,WM1 4AB,1234567890,"));

        var (code, text) = await CliProcess.RunAsync(_unused, "link", "--input", input, "--output", output);
        Assert.True(code == 0, text);
        Assert.Contains("1,001 records", text);
        Assert.Contains("1 invalid NHS numbers or UPNs ignored", text);

        var clusters = (await File.ReadAllLinesAsync(output)).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => int.Parse(f[1]));
        Assert.Equal(1_001, clusters.Count);
        var (_, _, f1) = LinkageData.Score(data, clusters);
        Assert.True(f1 >= 0.97, $"F1 {f1:F4}");
    }

    [Fact]
    public async Task A_file_without_the_expected_columns_is_refused_with_the_columns_named()
    {
        var input = Path.Combine(_folder, "bad.csv");
        await File.WriteAllTextAsync(input, "id,name\n1,Amy\n");
        var (code, text) = await CliProcess.RunAsync(_unused, "link", "--input", input, "--output", Path.Combine(_folder, "out.csv"));
        Assert.Equal(2, code);
        Assert.Contains("missing column(s) given_name, family_name, date_of_birth, sex, postcode, nhs_number, upn", text);
    }
}
