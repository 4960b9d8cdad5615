using PeerSupportBot.Matching;

namespace PeerSupportBot.Tests.Matching;

public sealed class LetterSetTests
{
    [Theory]
    [InlineData("muutos", "muutosneuvottelu")]
    [InlineData("yt", "yt")]
    [InlineData("etä", "etätyö")]
    public void A_word_holds_every_letter_of_a_stem_inside_it(string stem, string word) =>
        Assert.Equal(0UL, LetterSet.Of(stem) & ~LetterSet.Of(word));

    [Theory]
    [InlineData("kehitys", "kejitys")]
    [InlineData("työ", "tyo")]
    [InlineData("yt-neuvottelu", "ytneuvottelu")]
    public void A_word_missing_one_of_the_stems_letters_is_told_apart(string stem, string word) =>
        Assert.NotEqual(0UL, LetterSet.Of(stem) & ~LetterSet.Of(word));
}
