using Microsoft.Extensions.DependencyInjection;

namespace PeerSupportBot.BotFramework.Connector;

/// <summary>Registers the connector client.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IConnectorClient"/>, its token handler and resilience.</summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        // TODO(connector helper): register the real connector client here.
        return services;
    }
}
