using Microsoft.AspNetCore.Http;

namespace PeerSupportBot.BotFramework.Hosting;

/// <summary>Reads a request body up to a limit without trusting Content-Length.</summary>
internal readonly record struct RequestBody(ReadOnlyMemory<byte> Bytes, bool TooLarge)
{
    public static async Task<RequestBody> ReadAsync(HttpContext http, int limit, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > limit)
        {
            return new RequestBody(default, TooLarge: true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return new RequestBody(default, TooLarge: true);
            }

            buffer.Write(chunk, 0, read);
        }

        return new RequestBody(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), TooLarge: false);
    }
}
