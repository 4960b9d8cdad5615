namespace PeerSupportBot.Welcome;

/// <summary>Marks the welcome feature's strings: WelcomeText.resx (English) and WelcomeText.fi.resx.</summary>
internal sealed class WelcomeText;
