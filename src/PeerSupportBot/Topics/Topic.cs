namespace PeerSupportBot.Topics;

/// <summary>A topic supervisors bring, named in both languages. The id is stored; names are not.</summary>
internal sealed record Topic(string Id, string Finnish, string English)
{
    public string NameIn(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "fi" ? Finnish : English;
}
