using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;

namespace PeerSupportBot.Tests.Playground;

/// <summary>Steps the playground's one user takes in several tests, each waiting on the bot's answer.</summary>
internal static class PlaygroundJourney
{
    /// <summary>The user creates a cohort in the personal chat; returns the invitation and its join code.</summary>
    public static async Task<(BotMessage Invitation, string Code)> CreateCohortAsync(this PlaygroundClient playground, string command)
    {
        await playground.SendAsync(command);
        var invitation = await playground.NextCardWithVerbAsync(CohortVerbs.Join);
        var code = invitation.Card!.ButtonWithVerb(CohortVerbs.Join).Json.GetProperty("data").GetProperty("code").GetString()!;
        return (invitation, code);
    }

    /// <summary>The user joins by code and agrees on the consent card; returns the card that replaced it.</summary>
    public static async Task<InvokeResponse> JoinAsync(this PlaygroundClient playground, string command, string topics, string languages)
    {
        await playground.SendAsync(command);
        var consent = await playground.NextCardWithVerbAsync(ConsentVerbs.Give);
        return await playground.PressVerbAsync(consent, ConsentVerbs.Give, new Dictionary<string, string> { ["topics"] = topics, ["languages"] = languages });
    }
}
