using ChildStory.Identifiers;

namespace ChildStory.Tests.Identifiers;

public sealed class UniquePupilNumberTests
{
    private static string Make(string twelve) => UniquePupilNumber.CheckLetter(twelve) + twelve;

    [Theory]
    [InlineData("821200112001")]
    [InlineData("938456712345")]
    [InlineData("20130001234A")]
    public void Upn_with_its_check_letter_is_accepted_whatever_the_case(string twelve)
    {
        var upn = Make(twelve);
        Assert.True(UniquePupilNumber.Parse(upn).IsValid);
        Assert.Equal(upn, UniquePupilNumber.Parse(upn.ToLowerInvariant()).Value);
    }

    [Fact]
    public void Check_letter_follows_the_dfe_weights()
    {
        // 8·2 + 2·3 + 1·4 + 2·5 + 0·6 + 0·7 + 1·8 + 1·9 + 2·10 + 0·11 + 0·12 + 1·13 = 86; 86 mod 23 = 17 → 'U' (A=0 … T=16, U=17; I, O and S are skipped).
        Assert.Equal('U', UniquePupilNumber.CheckLetter("821200112001"));
    }

    [Fact]
    public void Upn_with_wrong_check_letter_is_refused_with_reason()
    {
        var upn = Make("821200112001");
        var wrong = (upn[0] == 'A' ? 'B' : 'A') + upn[1..];
        Assert.Contains("check letter does not match", UniquePupilNumber.Parse(wrong).Problem);
    }

    [Theory]
    [InlineData("T82120011200", "13 characters (you entered 12)")]
    [InlineData("I821200112001", "must start with a check letter")]
    [InlineData("T8212X0112001", "character 6 must be a number")]
    [InlineData("T82120011200I", "character 13 must be a number or a letter")]
    public void Badly_formed_upns_say_what_is_wrong(string input, string problem) =>
        Assert.Contains(problem, UniquePupilNumber.Parse(input).Problem);
}
