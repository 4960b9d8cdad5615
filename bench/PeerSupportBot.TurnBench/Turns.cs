using System.Text.Json.Nodes;

namespace PeerSupportBot.TurnBench;

/// <summary>The kinds of activity measured: what supervisors do, most often first.</summary>
internal enum TurnKind
{
    Help,
    MyData,
    Ask,
    Send,
    Decline,
    Accept,

    /// <summary>Asks, help and "my data" together, 2 : 1 : 1, as a day in a cohort brings them.</summary>
    Mix,
}

/// <summary>A cohort as the benchmark knows it: who is in it. What a target stores about it is its own business.</summary>
internal sealed record BenchCohort(string Name, IReadOnlyList<Person> Members);

/// <summary>A request a send opened: who was asked, so that one can decline and the other accept.</summary>
internal sealed record OpenRequest(string RequestId, Person Asker, Person Decliner, Person Accepter);

/// <summary>
/// One activity of each kind, as Teams would send it, and the check that the answer is what a
/// person would see: the guide, their data, an ask card with colleagues to choose, the waiting
/// card, the helper's next card. A wrong answer is counted, and fails the run: a fast wrong
/// answer is not a result.
/// </summary>
internal static class Turns
{
    public const string TopicsOffered = "change-negotiations,difficult-conversations,wellbeing";
    public const string LanguagesOffered = "fi,en";

    private const string FinnishAsk = "Onko joku käynyt muutosneuvotteluissa läpi sen, miten tiimille kerrotaan irtisanomisista?";
    private const string EnglishAsk = "Has anyone dealt with a conflict between two people in their team who refuse to work together?";

    public static (string Id, JsonObject Activity) Help(Target target, Person person) =>
        target.Activities.Message(person, person.SpeaksFinnish ? "ohje" : "help");

    public static (string Id, JsonObject Activity) MyData(Target target, Person person) =>
        target.Activities.Message(person, person.SpeaksFinnish ? "omat tietoni" : "my data");

    public static (string Id, JsonObject Activity) Ask(Target target, Person person) =>
        target.Activities.Message(person, person.SpeaksFinnish ? FinnishAsk : EnglishAsk);

    /// <summary>"Ask the selected" on the ask card, with two colleagues ticked and only the topics shared.</summary>
    public static (string Id, JsonObject Activity) Send(Target target, Person asker, Person first, Person second) =>
        target.Activities.Invoke(asker, "ask.send", new JsonObject
        {
            ["suggested"] = first.Key + "," + second.Key,
            ["lang"] = asker.SpeaksFinnish ? "fi" : "en",
            ["topics"] = asker.SpeaksFinnish ? "change-negotiations" : "difficult-conversations",
            ["problem"] = asker.SpeaksFinnish ? FinnishAsk : EnglishAsk,
            ["share"] = "topics",
            ["urgency"] = "week",
            ["helpers"] = first.Key + "," + second.Key,
        });

    public static (string Id, JsonObject Activity) Answer(Target target, Person helper, string requestId, bool accept) =>
        target.Activities.Invoke(helper, accept ? "request.accept" : "request.decline", new JsonObject
        {
            ["requestId"] = requestId,
            ["lang"] = helper.SpeaksFinnish ? "fi" : "en",
        });

    /// <summary>Whether the answer is right; for a send, the request it opened.</summary>
    public static (bool Right, string? RequestId) Check(Target target, TurnKind kind, string activityId, Answer answer)
    {
        var replies = target.Teams.TakeReplies(activityId);
        if (!answer.Ok)
        {
            return (false, null);
        }

        // The limit does the least a turn can: one reply, whatever was asked.
        if (target.Kind == TargetKind.Limit)
        {
            return (replies.Count == 1, kind == TurnKind.Send ? "limit-" + activityId : null);
        }

        switch (kind)
        {
            case TurnKind.Help or TurnKind.MyData:
                return (replies.Count > 0 && replies.Any(reply => Cards.FromActivity(reply) is not null), null);
            case TurnKind.Ask:
                // Colleagues to choose: the card has "Ask the selected".
                return (replies.Any(reply => Cards.ActionData(Cards.FromActivity(reply), "ask.send") is not null), null);
            case TurnKind.Send:
                var requestId = Cards.ActionData(Cards.FromInvokeResponse(answer.Body), "request.cancel")?["requestId"]?.GetValue<string>();
                return (requestId is not null, requestId);
            default:
                // The helper's next card (the introduction, the thanks); a refusal is a message instead.
                return (Cards.FromInvokeResponse(answer.Body) is not null, null);
        }
    }
}
