using System.Text.Json.Nodes;

namespace PeerSupportBot.TurnBench;

/// <summary>
/// Seeds the bot the way people would: a trainer says "uusi ryhmä …" and gets the invitation;
/// each member presses Join on it in their 1:1 chat and consents on the card that answers, with
/// their topics and languages. Only HTTP: whatever the bot's tables look like inside, this works.
/// </summary>
internal static class BotSeeder
{
    public static async Task SeedAsync(Target bot, IReadOnlyList<BenchCohort> cohorts, int parallelism, CancellationToken cancellationToken)
    {
        var invitations = new Dictionary<BenchCohort, JsonObject>();
        foreach (var (cohort, index) in cohorts.Select((cohort, index) => (cohort, index)))
        {
            invitations[cohort] = await CreateAsync(bot, cohort, 100_000 + index, cancellationToken);
        }

        var joins = cohorts.SelectMany(cohort => cohort.Members.Select(member => (Member: member, Invitation: invitations[cohort])));
        await Parallel.ForEachAsync(joins, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (join, token) => await JoinAsync(bot, join.Member, join.Invitation, token));
    }

    private static async Task<JsonObject> CreateAsync(Target bot, BenchCohort cohort, int trainerNumber, CancellationToken cancellationToken)
    {
        var trainer = bot.NewPerson(trainerNumber);
        var (id, activity) = bot.Activities.Message(trainer, "uusi ryhmä " + cohort.Name);
        var answer = await bot.PostAsync(activity, cancellationToken);
        var invitation = bot.Teams.TakeReplies(id)
            .Select(reply => Cards.ActionData(Cards.FromActivity(reply), "cohort.join"))
            .FirstOrDefault(data => data is not null);
        return answer.Ok && invitation is not null
            ? invitation
            : throw new InvalidOperationException($"Creating cohort {cohort.Name} gave no invitation (HTTP {answer.Status}): {answer.Body}");
    }

    private static async Task JoinAsync(Target bot, Person member, JsonObject invitation, CancellationToken cancellationToken)
    {
        var join = Cards.Copy(invitation);
        join["lang"] = member.SpeaksFinnish ? "fi" : "en";
        var (_, pressed) = bot.Activities.Invoke(member, "cohort.join", join);
        var joined = await bot.PostAsync(pressed, cancellationToken);
        var consent = Cards.ActionData(Cards.FromInvokeResponse(joined.Body), "consent.give")
            ?? throw new InvalidOperationException($"Join gave no consent card (HTTP {joined.Status}): {joined.Body}");

        var data = Cards.Copy(consent);
        data["topics"] = Turns.TopicsOffered;
        data["languages"] = Turns.LanguagesOffered;
        var (_, agreed) = bot.Activities.Invoke(member, "consent.give", data);
        var answer = await bot.PostAsync(agreed, cancellationToken);
        if (!answer.Ok || Cards.FromInvokeResponse(answer.Body) is null)
        {
            throw new InvalidOperationException($"Consent was not taken (HTTP {answer.Status}): {answer.Body}");
        }
    }
}
