using System.Text.Json.Serialization;

namespace PeerSupportBot.Tests.Playground;

// GET /_internal/v1/config: the ids the playground made up for this run. Shapes recorded from
// @microsoft/m365agentsplayground 0.2.28; see docs/playground.md.

internal sealed record PlaygroundConfigResponse(PlaygroundConfig Config, PlaygroundInternalConfig InternalConfig);

internal sealed record PlaygroundConfig(
    string TenantId,
    PlaygroundBot Bot,
    PlaygroundUser CurrentUser,
    IReadOnlyList<PlaygroundUser> Users,
    PlaygroundChat PersonalChat,
    IReadOnlyList<PlaygroundGroupChat> GroupChats,
    IReadOnlyList<PlaygroundTeam> Teams);

internal sealed record PlaygroundBot(string Id, string Name);

internal sealed record PlaygroundUser(
    string Id,
    string Name,
    // Spelled this way by the playground.
    [property: JsonPropertyName("userPrincipleName")] string UserPrincipalName,
    string AadObjectId,
    string? GivenName,
    string? Surname,
    string? Email);

internal sealed record PlaygroundChat(string Id, string Name);

internal sealed record PlaygroundGroupChat(string Id, string Name, IReadOnlyList<string> Members);

internal sealed record PlaygroundTeam(
    string Id,
    string Name,
    string AadGroupId,
    IReadOnlyList<PlaygroundChannel> Channels,
    IReadOnlyList<string> Members);

internal sealed record PlaygroundChannel(string Id, string Name, string ChannelType);

internal sealed record PlaygroundInternalConfig(string Locale, string LocalTimezone, string ChannelId);
