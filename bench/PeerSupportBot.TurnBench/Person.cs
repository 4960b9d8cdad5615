using System.Globalization;

namespace PeerSupportBot.TurnBench;

/// <summary>
/// Someone in Teams: their Entra object id (the key every target knows them by), their channel
/// user id, their 1:1 chat with the bot and their UPN. Each target has its own people, so no
/// target's state ever meets another's.
/// </summary>
internal sealed record Person(string Key, string UserId, string ConversationId, string Name, string Upn, string Locale)
{
    public const string TenantId = "00000000-0000-4000-8000-00000000be10";
    public const string BotId = "28:00000000-0000-0000-0000-00000000b07a";

    private static readonly string[] FirstNames = ["Aino", "Eero", "Helmi", "Ilmari", "Kaisa", "Lauri", "Maija", "Onni", "Pihla", "Veeti"];
    private static readonly string[] LastNames = ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Hämäläinen", "Laine", "Heikkinen", "Koskinen"];

    /// <summary>The <paramref name="number"/>th person of <paramref name="target"/>: the same name in every target, a different identity.</summary>
    public static Person Create(string target, int number)
    {
        var key = Guid.NewGuid().ToString();
        var name = $"{FirstNames[number % FirstNames.Length]} {LastNames[number / FirstNames.Length % LastNames.Length]} {number.ToString(CultureInfo.InvariantCulture)}";
        var locale = number % 3 == 0 ? "en-GB" : "fi-FI";
        return new Person(key, "29:1" + key.Replace("-", "", StringComparison.Ordinal), "a:1" + target + Guid.NewGuid().ToString("N"),
            name, $"person{number.ToString(CultureInfo.InvariantCulture)}.{key[..6]}@{target}.example", locale);
    }

    public bool SpeaksFinnish => Locale.StartsWith("fi", StringComparison.Ordinal);
}
