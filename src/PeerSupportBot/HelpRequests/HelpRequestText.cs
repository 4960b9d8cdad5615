namespace PeerSupportBot.HelpRequests;

/// <summary>Marks the help request feature's strings: HelpRequestText.resx (English) and HelpRequestText.fi.resx.</summary>
internal sealed class HelpRequestText;
