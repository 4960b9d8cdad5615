namespace PeerSupportBot.Consent;

/// <summary>
/// Marks the consent feature's strings: ConsentText.resx (English) and ConsentText.fi.resx.
/// A change of meaning in the consent card's wording needs a new <see cref="ConsentTextVersion.Current"/>.
/// </summary>
internal sealed class ConsentText;
