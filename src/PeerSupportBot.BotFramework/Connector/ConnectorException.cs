using System.Net;

namespace PeerSupportBot.BotFramework.Connector;

/// <summary>A connector call failed; the status code and the connector's error code are kept.</summary>
public sealed class ConnectorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConnectorException(HttpStatusCode statusCode, string? errorCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>Creates the exception.</summary>
    public ConnectorException() : base("The connector call failed.") { }

    /// <summary>Creates the exception.</summary>
    public ConnectorException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public ConnectorException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The HTTP status the connector answered.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The connector's error code, when the body had one.</summary>
    public string? ErrorCode { get; }
}
