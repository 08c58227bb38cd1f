using System.Globalization;
using ChildStory.Features.Identity;

namespace ChildStory.Tests.Identity;

/// <summary>The public linkage test data in ../shared/data/linkage (FEBRL), and pairwise precision, recall and F1.</summary>
public static class LinkageData
{
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", "linkage");
                if (Directory.Exists(candidate)) { return candidate; }
            }
            throw new InvalidOperationException("../shared/data/linkage was not found beside the repository");
        }
    }

    /// <summary>FEBRL records with only the columns ChildStory may use: names, date of birth and postcode. Truth is the N of rec-N.</summary>
    public static List<(PersonRecord Record, string Truth)> Febrl(params string[] files) =>
        files.SelectMany(file => File.ReadLines(Path.Combine(Folder, file)).Skip(1).Select(line =>
        {
            var f = line.Split(',').Select(x => x.Trim()).ToArray();
            DateOnly? dob = DateOnly.TryParseExact(f[9], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            return (PersonRecord.Create(file + ":" + f[0], f[1], f[2], dob, null, f[7], null, null), f[0].Split('-')[1]);
        })).ToList();

    public static (double Precision, double Recall, double F1) Score(IReadOnlyList<(PersonRecord Record, string Truth)> data, IReadOnlyDictionary<string, int> clusterOf)
    {
        static long Pairs(IEnumerable<int> sizes) => sizes.Sum(n => (long)n * (n - 1) / 2);
        var truePairs = Pairs(data.GroupBy(d => d.Truth).Select(g => g.Count()));
        var foundPairs = Pairs(data.GroupBy(d => clusterOf[d.Record.Id]).Select(g => g.Count()));
        var correct = Pairs(data.GroupBy(d => (clusterOf[d.Record.Id], d.Truth)).Select(g => g.Count()));
        var precision = foundPairs == 0 ? 1 : (double)correct / foundPairs;
        var recall = truePairs == 0 ? 1 : (double)correct / truePairs;
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }
}
