using ChildStory.Identifiers;

namespace ChildStory.Tests.Identifiers;

public sealed class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919")]
    [InlineData("943 476 5919")]
    [InlineData("943-476-5919")]
    [InlineData("4010232137")]
    public void Valid_nhs_numbers_are_accepted_in_any_common_layout(string input)
    {
        var parsed = NhsNumber.Parse(input);
        Assert.True(parsed.IsValid, parsed.Problem);
        Assert.Equal(10, parsed.Value.Length);
    }

    [Fact]
    public void Nhs_number_with_wrong_check_digit_is_refused_with_reason()
    {
        var parsed = NhsNumber.Parse("9434765918");
        Assert.False(parsed.IsValid);
        Assert.Contains("check digit does not match", parsed.Problem);
    }

    [Fact]
    public void Nine_digits_whose_check_would_be_ten_make_no_valid_number()
    {
        // 1, 0, 0, 0, 0, 0, 0, 0, 1 weigh to 10 + 2 = 12; 12 mod 11 = 1; 11 − 1 = 10: no check digit exists.
        Assert.Null(NhsNumber.CheckDigit("100000001"));
        for (var digit = 0; digit <= 9; digit++)
        {
            Assert.False(NhsNumber.Parse($"100000001{digit}").IsValid);
        }
    }

    [Theory]
    [InlineData("943476591", "10 digits (you entered 9)")]
    [InlineData("94347659191", "10 digits (you entered 11)")]
    [InlineData("94347659A9", "only numbers")]
    [InlineData("", "Enter an NHS number")]
    public void Badly_formed_nhs_numbers_say_what_is_wrong(string input, string problem) =>
        Assert.Contains(problem, NhsNumber.Parse(input).Problem);

    [Fact]
    public void Formats_as_three_three_four() => Assert.Equal("943 476 5919", NhsNumber.Format("9434765919"));
}
