using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeerSupportBot.BotFramework.Authentication;
using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.BotFramework.Telemetry;

namespace PeerSupportBot.BotFramework.Hosting;

/// <summary>Maps the endpoint the channel posts activities to.</summary>
public static class BotMessagesEndpoint
{
    /// <summary>
    /// POST {pattern}: size limit (413), JSON (400), authentication (401), then the registered
    /// <see cref="IActivityHandler"/>'s method for the activity's type. An invoke's answer is the
    /// response body; every other activity the handler processed gets 200, as Teams expects.
    /// </summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, HandleAsync).DisableAntiforgery();
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IOptions<BotFrameworkOptions> options,
        IRequestAuthenticator authenticator,
        IConnectorClient connector,
        IActivityHandler handler,
        TenantAllowList tenants,
        BotFrameworkMetrics metrics,
        ILoggerFactory loggerFactory)
    {
        using var telemetry = IncomingActivityTelemetry.Start(metrics);
        try
        {
            return await HandleActivityAsync(http, options.Value, authenticator, connector, handler, tenants, telemetry, loggerFactory.CreateLogger(typeof(BotMessagesEndpoint)));
        }
        catch (Exception exception) when (telemetry.Failed(exception))
        {
            throw;
        }
    }

    private static async Task<IResult> HandleActivityAsync(
        HttpContext http,
        BotFrameworkOptions options,
        IRequestAuthenticator authenticator,
        IConnectorClient connector,
        IActivityHandler handler,
        TenantAllowList tenants,
        IncomingActivityTelemetry telemetry,
        ILogger logger)
    {
        var cancellationToken = http.RequestAborted;
        var limit = options.MaxRequestBodyBytes;

        var body = await RequestBody.ReadAsync(http, limit, cancellationToken);
        if (body.TooLarge)
        {
            Log.RequestTooLarge(logger, limit);
            telemetry.Complete(IncomingOutcomes.TooLarge, StatusCodes.Status413PayloadTooLarge);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var activity = Parse(body.Bytes);
        if (activity is null)
        {
            Log.MalformedActivity(logger);
            telemetry.Complete(IncomingOutcomes.Malformed, StatusCodes.Status400BadRequest);
            return Results.BadRequest();
        }

        telemetry.Describe(activity);
        var outcome = await authenticator.AuthenticateAsync(
            http.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
            activity,
            RequestOrigin.Of(http),
            cancellationToken);
        if (!outcome.IsAuthenticated)
        {
            Log.Unauthenticated(logger, outcome.FailureReason ?? "unknown");
            telemetry.Complete(IncomingOutcomes.Refused, StatusCodes.Status401Unauthorized, outcome.FailureReason ?? "unknown");
            return Results.Unauthorized();
        }

        if (!tenants.Admits(activity))
        {
            // A valid, authenticated activity, so 200; but nothing is read, answered or stored.
            Log.TenantNotServed(logger, activity.Type ?? "");
            telemetry.Complete(IncomingOutcomes.TenantNotServed, StatusCodes.Status200OK);
            return Results.Ok();
        }

        Log.ActivityReceived(logger, activity.Type ?? "", activity.Name ?? "");
        var turn = new TurnContext(activity, connector);
        var response = await handler.OnTurnAsync(turn, token => DispatchAsync(handler, turn, token), cancellationToken);
        if (response is null)
        {
            // Processed, whatever it came to: a person who typed something wrong was told so in the chat.
            telemetry.Complete(IncomingOutcomes.Authenticated, StatusCodes.Status200OK);
            return Results.Ok();
        }

        telemetry.Complete(IncomingOutcomes.Authenticated, response.Status);
        return response.Body is { } json
            ? Results.Json(json, BotFrameworkJsonContext.Default.JsonElement, statusCode: response.Status)
            : Results.StatusCode(response.Status);
    }

    /// <summary>
    /// Routes an activity to the method for its type. Activity types the bot does not know are
    /// acknowledged and ignored, as the protocol asks of receivers. An invoke name it does not
    /// handle answers 501 Not Implemented, as the Bot Framework SDK's ActivityHandler does; Teams
    /// sends only the invokes the app package declares, so none of those reaches here. Every
    /// adaptiveCard/action answers HTTP 200: Teams treats any other status as a failure and drops the body.
    /// </summary>
    private static async Task<InvokeResponse?> DispatchAsync(IActivityHandler handler, TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await handler.OnMessageAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.ConversationUpdate:
                await handler.OnConversationUpdateAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.InstallationUpdate:
                await handler.OnInstallationUpdateAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.Invoke when string.Equals(activity.Name, InvokeNames.AdaptiveCardAction, StringComparison.Ordinal):
                if (AdaptiveCardInvokeValue.Read(activity) is not { Action: { Type: "Action.Execute", Verb.Length: > 0 } action } invoke)
                {
                    return AdaptiveCardResponses.Error(400, "BadRequest", "The invoke carries no Action.Execute with a verb.").ToInvokeResponse();
                }

                var automatic = string.Equals(invoke.Trigger, AdaptiveCardTriggers.Automatic, StringComparison.OrdinalIgnoreCase);
                return (await handler.OnAdaptiveCardActionAsync(turn, action, automatic, cancellationToken)).ToInvokeResponse();
            case ActivityTypes.Invoke:
                return InvokeResponse.NotImplemented();
            default:
                return null;
        }
    }

    private static Activity? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            var activity = JsonSerializer.Deserialize(body.Span, BotFrameworkJsonContext.Default.Activity);
            return activity is { Type.Length: > 0, ServiceUrl.Length: > 0, Conversation.Id.Length: > 0 }
                   && Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
                   && (serviceUrl.Scheme == Uri.UriSchemeHttps || serviceUrl.Scheme == Uri.UriSchemeHttp)
                ? activity
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
