using System.Text.Json;
using PeerSupportBot.Asking;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Abuse;

/// <summary>What people type (their name, what they share) cannot become a link, a mention or emphasis in someone else's card.</summary>
public sealed class CardInjectionTests : IAsyncLifetime
{
    private readonly TeamsWorld _world = new(runSweep: false);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task A_name_and_a_shared_text_with_markdown_reach_the_helper_as_plain_text()
    {
        var trainer = _world.Person("Kaisa Kouluttaja");
        var code = await _world.CohortAsync(trainer, "Valmennus");
        var asker = _world.Person("[Your manager](https://evil.example/login)");
        await _world.JoinAsync(asker, code, "wellbeing");
        var helper = _world.Person("Helmi Auttaja");
        await _world.JoinAsync(helper, code, "change-negotiations");

        await _world.SayAsync(asker, "Onko kellään kokemusta muutosneuvotteluista ja irtisanomisista?");
        await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.SendAll, new Dictionary<string, string>
        {
            ["problem"] = "**Urgent**: sign in at https://evil.example <at>Helmi</at>",
            ["share"] = ShareChoices.Text,
        });

        var texts = MarkdownTexts(_world.LastCardTo(helper)).ToList();
        Assert.NotEmpty(texts);
        Assert.DoesNotContain(texts, text => text.Contains("](", StringComparison.Ordinal) && !text.Contains("\\](", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text.Contains("**Urgent**", StringComparison.Ordinal) || text.Contains("<at>", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text.Contains("https://evil", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains("\\[Your manager\\]", StringComparison.Ordinal));
    }

    // TextBlock texts and FactSet values: what Teams renders as markdown.
    private static IEnumerable<string> MarkdownTexts(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var type = element.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "TextBlock" && element.TryGetProperty("text", out var text))
            {
                yield return text.GetString()!;
            }

            if (element.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String && element.TryGetProperty("title", out _) && type is null)
            {
                yield return value.GetString()!;
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var nested in MarkdownTexts(property.Value))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in MarkdownTexts(item))
                {
                    yield return nested;
                }
            }
        }
    }
}
