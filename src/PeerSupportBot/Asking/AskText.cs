namespace PeerSupportBot.Asking;

/// <summary>Marks the asking feature's strings: AskText.resx (English) and AskText.fi.resx.</summary>
internal sealed class AskText;
