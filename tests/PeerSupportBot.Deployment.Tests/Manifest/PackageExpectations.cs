namespace PeerSupportBot.Deployment.Tests.Manifest;

/// <summary>What the package must agree with: the values the packaging was given.</summary>
internal sealed record PackageExpectations(string BotId, string BotDomain);
