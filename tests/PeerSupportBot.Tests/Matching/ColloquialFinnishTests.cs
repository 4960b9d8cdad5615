using PeerSupportBot.Matching;

namespace PeerSupportBot.Tests.Matching;

public sealed class ColloquialFinnishTests
{
    [Theory]
    [InlineData("mul ei oo aikaa", "minulla ei ole aikaa")]
    [InlineData("Mun pitää ottaa se puheeks", "minun pitää ottaa se puheeksi")]
    [InlineData("en oo uskaltanu sanoo", "en ole uskaltanut sanoo")]
    [InlineData("haluisin et ite päättäis", "haluaisin että itse päättäisi")]
    [InlineData("kehkut tulee", "kehityskeskustelut tulee")]
    [InlineData("ens viikolla alottaa kaks uutta", "ensi viikolla aloittaa kaksi uutta")]
    public void Spoken_forms_become_the_written_forms_the_stemmer_knows(string spoken, string written) =>
        Assert.Equal(written, ColloquialFinnish.Normalise(spoken));

    [Theory]
    [InlineData("How do I keep my team steady?")]
    [InlineData("Miten johdatte etätiimiä?")]
    [InlineData("I used to sit with them for weeks, now the company works differently")]
    public void Written_Finnish_and_English_pass_unchanged(string text) =>
        Assert.Equal(text, ColloquialFinnish.Normalise(text));
}
