namespace PeerSupportBot.Consent;

/// <summary>
/// The version of the consent card's wording, recorded with every consent. Change it whenever
/// the consent text in ConsentText.resx or ConsentText.fi.resx changes meaning.
/// </summary>
internal static class ConsentTextVersion
{
    public const string Current = "2026-11-23";
}
