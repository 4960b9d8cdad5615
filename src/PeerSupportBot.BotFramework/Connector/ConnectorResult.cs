namespace PeerSupportBot.BotFramework.Connector;

/// <summary>
/// What a connector call came to. An unreachable recipient (Teams answers 403 when a person blocked
/// the bot, removed the app or never installed it personally, and 404 for a deleted chat) is an
/// outcome the app acts on, not an exception.
/// </summary>
public sealed record ConnectorResult<T>
{
    /// <summary>The response, when the call succeeded.</summary>
    public T? Value { get; init; }

    /// <summary>True when the person cannot be written to any more.</summary>
    public bool RecipientUnreachable { get; init; }

    /// <summary>True when the call succeeded.</summary>
    public bool Succeeded => !RecipientUnreachable;

    /// <summary>A successful result.</summary>
    public static ConnectorResult<T> Success(T value) => new() { Value = value };

    /// <summary>The recipient blocked or removed the bot.</summary>
    public static ConnectorResult<T> Unreachable() => new() { RecipientUnreachable = true };
}
