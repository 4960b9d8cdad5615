using System.Diagnostics.Tracing;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core.Diagnostics;
using PeerSupportBot.Asking;
using PeerSupportBot.Consent;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PeerSupportBot.Tests.Faults;

/// <summary>
/// One whole run with every logger at Trace (the app's, ASP.NET Core's, HttpClient's and the
/// Azure SDK's own event source), a storage failure and a connector failure on the way: what a
/// supervisor confides, and any fragment of it, is in no log line, no table entity ever written
/// and no queue message ever sent; no name or UPN is in a log line or a queue message.
/// </summary>
public sealed partial class ConfidentialitySweepTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Words no vocabulary has, so that any fragment found can only have come from the text.
    private static readonly string[] Fragments = [.. Enumerable.Range(0, 4).Select(_ => "zq" + Guid.NewGuid().ToString("N")[..8])];
    private static readonly string Confided = $"Tiimiläiseni {Fragments[0]} kertoi {Fragments[1]}-diagnoosistaan ja muutosneuvottelut pelottavat {Fragments[2]} {Fragments[3]}";

    private readonly FailingStorage _storage = new();
    private readonly List<string> _sdkLines = [];
    private TeamsWorld _world = null!;
    private AzureEventSourceListener? _sdk;

    public async Task InitializeAsync()
    {
        _sdk = new AzureEventSourceListener((_, message) => { lock (_sdkLines) { _sdkLines.Add(message); } }, EventLevel.Verbose);
        _world = new TeamsWorld(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
            ["Logging:LogLevel:Azure"] = "Trace",
            ["Logging:LogLevel:Azure.Core"] = "Trace",
        }, configureServices: _storage.Install);
        await _world.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        _sdk?.Dispose();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task Ask_send_decline_accept_join_my_data_and_forget_me_leave_the_confided_text_nowhere()
    {
        var code = await _world.CohortAsync(_world.Person("Kaisa Kouluttaja"), "Valmennus");
        var asker = _world.Person("Aino Esihenkilö");
        var helpers = new[] { _world.Person("Helmi Auttaja"), _world.Person("Heikki Neuvoja", "en-US") };
        await _world.JoinAsync(asker, code, "wellbeing");
        foreach (var helper in helpers)
        {
            await _world.JoinAsync(helper, code, "change-negotiations", "fi,en");
        }

        await _world.SayAsync(asker, Confided);
        var askCard = _world.LastCardTo(asker);
        Assert.True(OnCard.Shows(askCard, Fragments[0]));
        var send = new Dictionary<string, string>
        {
            ["helpers"] = string.Join(',', helpers.Select(helper => helper.AadObjectId)),
            ["problem"] = Confided,
            ["share"] = ShareChoices.Text,
        };

        // The first send fails at its third storage request: the failure paths log too.
        _storage.ArmAt(3);
        var failed = await _world.PressAsync(asker, askCard, AskVerbs.Send, send);
        _storage.Disarm();
        Assert.True(_storage.Failed);
        Assert.NotNull(failed.ShownMessage);

        // Teams refuses the first post to one helper with a 500; the outbox tries again.
        var teams = _world.Connector.Respond!;
        var refused = 0;
        _world.Connector.Respond = request => request.IsActivityWrite && request.PathSegments.Contains(helpers[1].PersonalConversationId) && Interlocked.Increment(ref refused) == 1
            ? new FakeResponse(500, """{"error":{"code":"ServiceError"}}""")
            : teams(request);
        await _world.PressAsync(asker, askCard, AskVerbs.Send, send);
        Assert.All(helpers, helper => Assert.True(OnCard.Shows(_world.LastCardTo(helper), Fragments[1])));

        await _world.PressAsync(helpers[1], _world.LastCardTo(helpers[1]), HelpRequestVerbs.Decline);
        await _world.PressAsync(helpers[0], _world.LastCardTo(helpers[0]), HelpRequestVerbs.Accept);
        await _world.SayAsync(asker, "omat tietoni");
        await _world.SayAsync(helpers[1], "my data");
        await _world.SayAsync(asker, Confided.ToUpperInvariant(), inGroup: true);
        await _world.SayAsync(asker, "unohda minut");
        await _world.PressAsync(asker, _world.LastCardTo(asker), ConsentVerbs.Forget);

        var logLines = _world.App.Logs.GetSnapshot().Select(line => string.Join(' ', line.Category, line.Message, line.Exception, string.Join(';', line.StructuredState?.Select(pair => pair.Key + "=" + pair.Value) ?? []))).ToList();
        List<string> sdkLines;
        lock (_sdkLines)
        {
            sdkLines = [.. _sdkLines];
        }

        var written = _storage.Bodies.Select(Decoded).ToList();
        var queued = written.Where(body => body.Contains("\"kind\"", StringComparison.Ordinal)).ToList();
        output.WriteLine($"{logLines.Count} app log lines, {sdkLines.Count} Azure SDK lines, {written.Count} storage writes ({queued.Count} queue messages) swept.");
        Assert.NotEmpty(sdkLines);
        Assert.NotEmpty(queued);
        // HttpClient's own lines are switched on too; the connector's client removes them (its URIs name chats).
        Assert.Contains(logLines, line => line.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));

        var secrets = Fragments.Append(Confided).ToArray();
        var people = new[] { asker, helpers[0], helpers[1] }.SelectMany(person => new[] { person.Name, person.Upn }).ToArray();
        AssertNowhere("log line", logLines.Concat(sdkLines), secrets.Concat(people));
        AssertNowhere("storage write", written, secrets);
        AssertNowhere("queue message", queued, people);
        Assert.Empty(await StorageScan.RowsMentioningAsync(_world.App, secrets));
    }

    private static void AssertNowhere(string where, IEnumerable<string> texts, IEnumerable<string> needles)
    {
        var list = needles.ToList();
        var hits = texts.SelectMany(text => list.Where(needle => text.Contains(needle, StringComparison.OrdinalIgnoreCase)).Select(needle => $"{needle} in {where}: {text[..Math.Min(text.Length, 300)]}")).ToList();
        Assert.True(hits.Count == 0, string.Join('\n', hits.Take(5)));
    }

    // Queue messages go as base64 inside XML; entities as JSON, where text may be \u-escaped.
    private static string Decoded(string body)
    {
        var text = Regex.Unescape(body.Replace("\\\"", "'", StringComparison.Ordinal));
        foreach (Match match in QueueMessageText().Matches(body))
        {
            try
            {
                text += "\n" + Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups[1].Value));
            }
            catch (FormatException)
            {
                text += "\n" + match.Groups[1].Value;
            }
        }

        return text;
    }

    [GeneratedRegex("<MessageText>([^<]*)</MessageText>")]
    private static partial Regex QueueMessageText();
}
