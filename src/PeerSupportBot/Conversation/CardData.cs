using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerSupportBot.Conversation;

/// <summary>
/// The data an Action.Execute carries back: which cohort, code or member the button was about.
/// Card inputs (topics, languages, name, …) arrive merged into the same object.
/// Everything in it came from the client and is checked again before it changes anything.
/// </summary>
internal sealed record CardData
{
    [JsonPropertyName("cohortId")] public string? CohortId { get; init; }
    [JsonPropertyName("code")] public string? Code { get; init; }
    [JsonPropertyName("memberKey")] public string? MemberKey { get; init; }
    [JsonPropertyName("postHere")] public bool? PostHere { get; init; }

    /// <summary>The language the card was shown in, so its answer comes in the same language.</summary>
    [JsonPropertyName("lang")] public string? Language { get; init; }

    // Inputs, by their ids on the cards.
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("endsOn")] public string? EndsOn { get; init; }
    [JsonPropertyName("topics")] public string? Topics { get; init; }
    [JsonPropertyName("languages")] public string? Languages { get; init; }
    [JsonPropertyName("pause")] public string? Pause { get; init; }
    [JsonPropertyName("cap")] public string? Cap { get; init; }
    [JsonPropertyName("cohortChoice")] public string? CohortChoice { get; init; }
    [JsonPropertyName("problem")] public string? Problem { get; init; }
    [JsonPropertyName("share")] public string? Share { get; init; }
    [JsonPropertyName("urgency")] public string? Urgency { get; init; }
    [JsonPropertyName("helpers")] public string? Helpers { get; init; }

    // Help requests.
    [JsonPropertyName("requestId")] public string? RequestId { get; init; }
    [JsonPropertyName("answer")] public string? Answer { get; init; }

    /// <summary>The colleagues an ask card suggested, so "ask all" asks exactly those.</summary>
    [JsonPropertyName("suggested")] public string? Suggested { get; init; }

    /// <summary>The data for a card built now: stamped with the current UI language.</summary>
    public JsonElement ToJsonElement() =>
        JsonSerializer.SerializeToElement(this with { Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName }, AppJsonContext.Default.CardData);

    /// <summary>Reads an action's data; null when it is missing or not the expected shape.</summary>
    public static CardData? From(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        try
        {
            return element.Deserialize(AppJsonContext.Default.CardData);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A multi-select ChoiceSet answers with comma-separated values.</summary>
    public static IReadOnlyList<string> SplitChoices(string? values) =>
        string.IsNullOrWhiteSpace(values) ? [] : values.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(CardData))]
internal sealed partial class AppJsonContext : JsonSerializerContext;
