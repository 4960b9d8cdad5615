using CsCheck;
using PeerSupportBot.Asking;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.HelpRequests;

namespace PeerSupportBot.Tests.Fuzzing;

/// <summary>One generated POST /api/messages: its body, whether it is sent twice, and what it is meant to be.</summary>
internal sealed record FuzzCase(string Kind, string Body, bool Replayed, bool MayAnswer501);

/// <summary>Who may appear in generated activities, and the real ids a tampering client would reach for.</summary>
internal sealed record FuzzTargets(Uri ServiceUrl, string TenantId, string BotId, string RequestId, string CohortId, IReadOnlyList<string> MemberKeys, IReadOnlyList<(string UserId, string AadObjectId, string ConversationId)> Attackers, (string UserId, string AadObjectId, string ConversationId) Member);

/// <summary>CsCheck generators of bad activities, built around <see cref="FuzzTargets"/>.</summary>
internal sealed class ActivityGenerators(FuzzTargets targets)
{
    private static readonly string[] OddStrings =
    [
        "", " ", "\u0000", "\u0007\u001b[31m", "\r\n\r\n", "\u202Eevil\u202C", "\uFEFF", "\uD800", "\uDFFF\uD800", "😀👩‍👩‍👧", "e\u0301\u0301\u0301",
        "a/b\\c#d?e", "%2F%00%", "../../etc/passwd", "'; DROP TABLE x; --", "PartitionKey eq ''", "<at>all</at>", "[x](https://evil.example)",
        "**bold**", "null", "undefined", "NaN", "9223372036854775808", "-0", "𝕏𝕐ℤ", "Ⅻ", "\u2028\u2029", "ı", "ǅ", "ﷺ",
    ];

    // The verbs the bot registers, and some it does not.
    private static readonly string[] Verbs =
    [
        AskVerbs.Send, AskVerbs.SendAll, AskVerbs.Refresh, AskVerbs.Discard,
        CohortVerbs.Invite, CohortVerbs.Join, CohortVerbs.Members, CohortVerbs.RemoveMember, CohortVerbs.RotateCode,
        CohortVerbs.Close, CohortVerbs.Delete, CohortVerbs.DeleteConfirmed, ConsentVerbs.Leave,
        ConsentVerbs.Give, ConsentVerbs.Decline, ConsentVerbs.SaveTopics, ConsentVerbs.SaveAvailability, ConsentVerbs.WithdrawAll,
        ConsentVerbs.Forget, ConsentVerbs.KeepData,
        HelpRequestVerbs.Accept, HelpRequestVerbs.Decline, HelpRequestVerbs.Cancel, HelpRequestVerbs.Feedback,
        "request.acceptAll", "cohort.promote", "admin.export", "REQUEST.ACCEPT", "request.accept ", "",
    ];

    // What a member may press on a request or cohort that is not theirs: none of it is theirs to change.
    private static readonly string[] VerbsOnOthers =
    [
        HelpRequestVerbs.Accept, HelpRequestVerbs.Decline, HelpRequestVerbs.Cancel, HelpRequestVerbs.Feedback,
        CohortVerbs.RemoveMember, CohortVerbs.RotateCode, CohortVerbs.Close, CohortVerbs.Delete, CohortVerbs.DeleteConfirmed, CohortVerbs.Members, CohortVerbs.Invite,
    ];

    private static readonly string[] ReadOnlyTexts = ["ohje", "help", "omat tietoni", "my data", "omat ryhmät", "my cohorts", "aiheeni", "my topics", "kutsu", "invite"];

    private static readonly string[] Types =
    [
        ActivityTypes.Message, ActivityTypes.Invoke, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate,
        "messageReaction", "typing", "event", "endOfConversation", "deleteUserData", "aBrandNewType", "MESSAGE", " message",
    ];

    private static readonly string[] WrongTyped =
    [
        "42", "-1", "1.5e308", "true", "false", "null", "[]", "{}", "[1,\"a\",null]", "{\"id\":7}", "{\"id\":{\"id\":[]}}", "\"\"",
    ];

    public Gen<string> OddText { get; } = Gen.Frequency(
        (6, Gen.String[Gen.Char.AlphaNumeric, 0, 24]),
        (4, Gen.OneOf(OddStrings)),
        (3, Gen.String[Gen.Char, 0, 40]),
        (1, Gen.Int[300, 5_000].Select(length => new string('ä', length))),
        (1, Gen.Select(Gen.OneOf(OddStrings), Gen.Int[2, 200], (piece, times) => string.Concat(Enumerable.Repeat(piece, times)))));

    private Gen<string> Huge { get; } = Gen.OneOf(40_000, 120_000, 300_000).Select(length => new string('x', length));

    /// <summary>An id as a tampering client would send one: someone else's real id, or junk of any shape.</summary>
    public Gen<string> Id => Gen.Frequency(
        (4, Gen.OneOf(targets.RequestId, targets.CohortId)),
        (2, Gen.OneOf(targets.MemberKeys.ToArray())),
        (1, Gen.Guid.Select(guid => guid.ToString())),
        (3, OddText));

    /// <summary>A JSON value for a field that should hold a string: mostly a string, sometimes anything else.</summary>
    public static Gen<string> StringValue(Gen<string> text) => Gen.Frequency(
        (8, text.Select(JsonText.String)),
        (2, Gen.OneOf(WrongTyped)),
        (1, Gen.Int[2, 300].Select(JsonText.Nested)));

    private Gen<string> Data => Gen.Select(
        Gen.Select(StringValue(Id), StringValue(Id), StringValue(Id), StringValue(OddText), (a, b, c, d) => (a, b, c, d)),
        Gen.Select(StringValue(Gen.OneOf("yes", "no", "somewhat", "fi", "en", "1w", "indefinite")), StringValue(OddText), Gen.Int[0, 6], (a, b, c) => (a, b, c)),
        (ids, rest) =>
        {
            (string, string)[] all =
            [
                ("requestId", ids.Item1), ("cohortId", ids.Item2), ("memberKey", ids.Item3), ("code", ids.Item4),
                ("answer", rest.Item1), ("helpers", ids.Item3), ("topics", rest.Item2), ("ticket", ids.Item1),
            ];
            return JsonText.Object(all.Take(2 + rest.Item3).ToArray());
        });

    /// <summary>Action.Execute with forged verbs and someone else's ids; sometimes another invoke name.</summary>
    public Gen<FuzzCase> TamperedInvoke => Gen.Select(
        Gen.Frequency((12, Gen.Const(InvokeNames.AdaptiveCardAction)), (1, Gen.OneOf("composeExtension/query", "task/fetch", "adaptiveCard/Action", "")), (1, OddText)),
        Gen.Select(Gen.Int[0, targets.Attackers.Count], Gen.OneOf(Verbs), Gen.OneOf(VerbsOnOthers), (a, b, c) => (a, b, c)),
        Gen.Select(Data, Gen.Frequency((5, Gen.Const("\"manual\"")), (1, Gen.Const("\"automatic\"")), (1, StringValue(OddText))), Gen.Frequency((8, Gen.Const("\"Action.Execute\"")), (1, StringValue(OddText))), (a, b, c) => (a, b, c)),
        Gen.Bool,
        (name, who, payload, replayed) =>
        {
            var byMember = who.Item1 == targets.Attackers.Count;
            var person = byMember ? targets.Member : targets.Attackers[who.Item1];
            var verb = JsonText.String(byMember ? who.Item3 : who.Item2);
            var value = JsonText.Object(("action", JsonText.Object(("type", payload.Item3), ("verb", verb), ("data", payload.Item1))), ("trigger", payload.Item2));
            var body = JsonText.Object(Base(ActivityTypes.Invoke, person, [("name", JsonText.String(name)), ("value", value)]));
            return new FuzzCase("tampered invoke", body, replayed, name != InvokeNames.AdaptiveCardAction);
        });

    /// <summary>What a stranger can type: read-only commands, any text, and markup.</summary>
    public Gen<FuzzCase> StrangerMessage => Gen.Select(
        Gen.Int[0, targets.Attackers.Count - 1],
        Gen.Frequency((2, Gen.OneOf(ReadOnlyTexts)), (5, OddText), (1, OddText.Select(text => "<at>PeerSupportBot</at> " + text))),
        (who, text) => new FuzzCase("stranger message", JsonText.Object(Base(ActivityTypes.Message, targets.Attackers[who], [("text", JsonText.String(text))])), false, false));

    /// <summary>A plausible activity with one to three fields removed, retyped or made odd.</summary>
    public Gen<FuzzCase> Mutated => Gen.Select(
        Gen.Select(Gen.OneOf(Types), Gen.Int[0, targets.Attackers.Count - 1], StringValue(OddText), (a, b, c) => (a, b, c)),
        Gen.Select(Gen.Int[0, 17], Gen.Frequency((6, StringValue(OddText)), (1, Huge.Select(JsonText.String)), (2, Gen.OneOf(WrongTyped))), Gen.Int[2, 400], (a, b, c) => (Which: a, Value: b, Depth: c)).Array[1, 3],
        Gen.Bool,
        (shape, mutations, replayed) =>
        {
            var fields = new List<(string Key, string Value)>(Base(shape.Item1, targets.Attackers[shape.Item2],
                [("text", shape.Item3), ("name", shape.Item3), ("value", shape.Item3), ("action", shape.Item3)]));
            foreach (var (which, value, depth) in mutations)
            {
                var index = which % (fields.Count + 4);
                var replacement = which % 5 == 4 ? JsonText.Nested(depth) : value;
                if (index >= fields.Count)
                {
                    fields.Add((OddFieldNames[which % OddFieldNames.Length], replacement));
                }
                else if (which % 3 == 0)
                {
                    fields.RemoveAt(index);
                }
                else
                {
                    fields[index] = (fields[index].Key, Nest(fields[index].Key, replacement, which));
                }
            }

            var isHandledInvoke = shape.Item1 == ActivityTypes.Invoke;
            return new FuzzCase("mutated " + shape.Item1, JsonText.Object(fields.Select(entry => KeyValuePair.Create(entry.Key, entry.Value))), replayed, isHandledInvoke);
        });

    /// <summary>Bodies that are not activities at all.</summary>
    public static Gen<FuzzCase> Garbage => Gen.Frequency(
        (2, Gen.String[Gen.Char, 0, 200]),
        (1, Gen.Int[10, 5_000].Select(JsonText.Nested)),
        (1, Gen.OneOf("{", "}", "[]", "\"x\"", "{\"type\":", "{\"type\":\"message\"}{", "\u0000", "{\"type\":\"message\",\"type\":\"invoke\"}")))
        .Select(body => new FuzzCase("garbage", body, false, false));

    private long _activityNumber;

    private static readonly string[] OddFieldNames = ["$type", "__proto__", "constructor", "type ", "Type", "channelData", "ΑΒΓ", ""];

    // Some mutations go one level down, where the bot reads ids: from.id, conversation.id, channelData.tenant.
    private static string Nest(string key, string value, int which) => (key, which % 4) switch
    {
        ("from", 1) => JsonText.Object(("id", value), ("aadObjectId", value)),
        ("conversation", 1) => JsonText.Object(("id", value), ("conversationType", "\"personal\"")),
        ("channelData", 1 or 2) => JsonText.Object(("tenant", value)),
        ("channelData", 3) => JsonText.Object(("tenant", JsonText.Object(("id", value))), ("team", value), ("channel", value)),
        _ => value,
    };

    private (string Key, string Value)[] Base(string type, (string UserId, string AadObjectId, string ConversationId) person, (string Key, string Value)[] extra) =>
    [
        ("type", JsonText.String(type)),
        ("id", JsonText.String("f-" + Interlocked.Increment(ref _activityNumber).ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ("serviceUrl", JsonText.String(targets.ServiceUrl.ToString())),
        ("channelId", "\"msteams\""),
        ("from", JsonText.Object(("id", JsonText.String(person.UserId)), ("aadObjectId", JsonText.String(person.AadObjectId)), ("name", "\"Fuzz\""))),
        ("recipient", JsonText.Object(("id", JsonText.String(targets.BotId)))),
        ("conversation", JsonText.Object(("id", JsonText.String(person.ConversationId)), ("conversationType", "\"personal\""), ("tenantId", JsonText.String(targets.TenantId)))),
        ("channelData", JsonText.Object(("tenant", JsonText.Object(("id", JsonText.String(targets.TenantId)))))),
        ("locale", "\"fi-FI\""),
        .. extra,
    ];
}
