using ChildStory.Features.Children;
using ChildStory.Features.Children.Matching;

namespace ChildStory.Tests.Children;

public sealed class NameMatchingTests
{
    [Theory]
    [InlineData("Zoë", "zoe")]
    [InlineData("ŁUKASZ", "lukasz")]
    [InlineData("O'Brien-Smith", "obriensmith")]
    [InlineData("Siobhán", "siobhan")]
    [InlineData("Strauß", "strauss")]
    public void Names_are_normalised_to_plain_lower_case_letters(string name, string expected) =>
        Assert.Equal(expected, NameNormaliser.Normalise(name));

    [Theory]
    [InlineData("caitlin", "kaitlyn")]
    [InlineData("stephen", "steven")]
    [InlineData("smith", "smyth")]
    [InlineData("philippa", "filipa")]
    [InlineData("mohammed", "muhammad")]
    public void Sound_alike_names_share_a_key(string a, string b) => Assert.Equal(PhoneticKey.For(a), PhoneticKey.For(b));

    [Theory]
    [InlineData("smith", "jones")]
    [InlineData("amelia", "olivia")]
    public void Different_names_have_different_keys(string a, string b) => Assert.NotEqual(PhoneticKey.For(a), PhoneticKey.For(b));

    [Theory]
    [InlineData("martha", "marhta", 0.961)]
    [InlineData("dwayne", "duane", 0.84)]
    [InlineData("dixon", "dicksonx", 0.813)]
    public void Jaro_winkler_gives_the_published_values(string a, string b, double expected) =>
        Assert.Equal(expected, NameSimilarity.JaroWinkler(a, b), 3);

    [Fact]
    public void Identical_names_score_one_and_empty_ones_zero()
    {
        Assert.Equal(1.0, NameSimilarity.JaroWinkler("amelia", "amelia"));
        Assert.Equal(0.0, NameSimilarity.JaroWinkler("", "amelia"));
    }

    [Theory]
    [InlineData("amelia clark", 0.84)]
    [InlineData("clarke amelia", 0.84)]
    [InlineData("amelai clarke", 0.84)]
    [InlineData("amelia", 0.84)]
    public void Search_words_with_slips_or_in_either_order_still_fit_the_name(string query, double atLeast) =>
        Assert.True(SearchChildren.Score(NameNormaliser.Tokens(query), "amelia", "clarke") >= atLeast);

    [Fact]
    public void A_different_child_does_not_fit() =>
        Assert.True(SearchChildren.Score(NameNormaliser.Tokens("oliver jones"), "amelia", "clarke") < 0.84);
}
