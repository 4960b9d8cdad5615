using PeerSupportBot.Storage;

namespace PeerSupportBot.Tests.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("29:1abc-DEF_ghi", "29:1abc-DEF_ghi")]
    [InlineData("a/b\\c#d?e%", "a%2Fb%5Cc%23d%3Fe%25")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("😀 Ä", "😀 Ä")]
    public void Ordinary_ids_are_escaped_reversibly(string id, string key)
    {
        Assert.Equal(key, TableKeys.Encode(id));
        Assert.Equal(id, TableKeys.Decode(key));
    }

    // Built in code: xUnit would turn a lone surrogate in [InlineData] into U+FFFD.
    [Fact]
    public void An_id_with_a_lone_surrogate_gets_a_key_no_real_id_has()
    {
        foreach (var id in new[] { ((char)0xD800).ToString(), "x" + (char)0xDFFF + "y", "end" + (char)0xD83D })
        {
            var key = TableKeys.Encode(id);

            Assert.StartsWith("~h~", key, StringComparison.Ordinal);
            Assert.Equal(key, TableKeys.Encode(id));
            Assert.DoesNotContain(key, character => char.IsSurrogate(character));
        }
    }

    [Fact]
    public void A_huge_id_gets_a_short_key_of_its_own()
    {
        var huge = new string('x', 20_000);

        var key = TableKeys.Encode(huge);

        Assert.True(key.Length <= TableKeys.MaxEncodedLength);
        Assert.NotEqual(key, TableKeys.Encode(huge + "y"));
    }
}
