using ChildStory.Features.Identity;
using Xunit.Abstractions;

namespace ChildStory.Tests.Identity;

public sealed class LinkerTests(ITestOutputHelper output)
{
    [Fact]
    public void Swapped_names_nicknames_and_a_day_month_swap_still_score_as_the_same_person()
    {
        var a = PersonRecord.Create("a", "William", "O'Neill", new DateOnly(2011, 4, 7), "M", "WM1 4AB", null, null);
        var b = PersonRecord.Create("b", "Oneill", "Billy", new DateOnly(2011, 7, 4), "m", "wm14ab", null, null);
        var stranger = PersonRecord.Create("c", "Oliver", "Marsh", new DateOnly(2013, 2, 9), "M", "KB5 2XY", null, null);
        Assert.True(PairScore.Of(a, b) >= Linker.DefaultThreshold);
        Assert.True(PairScore.Of(a, stranger) < 0);
        Assert.True(Nicknames.Same("alfie", "alfred") && Nicknames.Same("izzy", "isabella") && !Nicknames.Same("jack", "james"));
    }

    [Fact]
    public void Twins_score_as_different_children_but_a_twin_with_a_nickname_is_still_themself()
    {
        var oliver = PersonRecord.Create("a", "Oliver", "Taylor", new DateOnly(2014, 3, 13), "M", "M5 5US", null, null);
        var harry = PersonRecord.Create("b", "Harry", "Taylor", new DateOnly(2014, 3, 13), "M", "M5 5US", null, null);
        var ollie = PersonRecord.Create("c", "Ollie", "Taylor", new DateOnly(2014, 3, 13), "M", "M5 5US", null, null);
        Assert.True(PairScore.Of(oliver, harry) < Linker.LowerThreshold);
        Assert.True(PairScore.Of(oliver, ollie) >= Linker.UpperThreshold);
        var clusters = Linker.Link([oliver, harry, ollie]).ClusterOf;
        Assert.Equal(clusters["a"], clusters["c"]);
        Assert.NotEqual(clusters["a"], clusters["b"]);
    }

    [Theory]
    [InlineData("febrl-dataset1.csv")]
    [InlineData("febrl-dataset2.csv")]
    [InlineData("febrl-dataset3.csv")]
    [InlineData("febrl-dataset4a.csv", "febrl-dataset4b.csv")]
    public void Febrl_files_link_from_names_dates_of_birth_and_postcodes_without_falling_below_todays_f1(params string[] files)
    {
        var data = LinkageData.Febrl(files);
        var result = Linker.Link(data.Select(d => d.Record).ToList());
        var (precision, recall, f1) = LinkageData.Score(data, result.ClusterOf);
        output.WriteLine($"{string.Join("+", files)}: {data.Count} records, {result.CandidatePairs} candidate pairs, precision {precision:F4}, recall {recall:F4}, F1 {f1:F4}");
        // Issue 3 asks for 0.98 on each file: measured 0.9848, 0.9886, 0.9859 and 0.9859 (see README).
        // The floor stops it slipping back.
        Assert.True(f1 >= 0.98, $"F1 {f1:F4} (precision {precision:F4}, recall {recall:F4})");
    }
}
