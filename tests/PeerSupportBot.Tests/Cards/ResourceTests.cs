using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using PeerSupportBot.Asking;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Localization;
using PeerSupportBot.Tests.Infrastructure;
using PeerSupportBot.Welcome;

namespace PeerSupportBot.Tests.Cards;

/// <summary>
/// Every English string has a real Finnish one and the other way round, and the app finds each of
/// them: a missing translation would otherwise show English, or the key itself, without a sound.
/// </summary>
public sealed partial class ResourceTests
{
    public static TheoryData<string> ResourceFiles =>
    [
        "src/PeerSupportBot/Cohorts/CohortText",
        "src/PeerSupportBot/Consent/ConsentText",
        "src/PeerSupportBot/Welcome/WelcomeText",
        "src/PeerSupportBot/Asking/AskText",
        "src/PeerSupportBot/HelpRequests/HelpRequestText",
    ];

    // The keys the lead's handlers use directly, outside the cards.
    public static TheoryData<string> CohortAnswerKeys =>
    [
        "UnknownCode", "ClosedCohort", "AlreadyMember", "NotTrainer", "NotMember", "NameEmpty", "NameTooLong",
        "TooManyAttempts", "NotAllowedToCreate", "NoCohortsToInvite", "CohortDeletedNotice", "RemovedNotice",
        "InviteOnlyInGroups", "CommandOnlyInPersonalChat", "UnknownAction", "JoinCodeMissing",
        "NewCohortDescription", "MyCohortsDescription", "JoinDescription", "InviteDescription",
    ];

    public static TheoryData<string> ConsentAnswerKeys =>
    [
        "NoTopicsChosen", "NoLanguagesChosen", "NotAMemberYet", "Resumed", "OtherSideLeftNeutral", "CapOutOfRange",
        "MyTopicsDescription", "PauseDescription", "ResumeDescription", "MyDataDescription", "ForgetMeDescription",
        "WithdrawDescription", "LeaveDescription",
    ];

    public static TheoryData<string> AskAnswerKeys =>
    [
        "MovedToPrivate", "NothingSelected", "ProblemTooLong", "ProblemEmpty", "NoTopics", "AskDescription",
        "RequestNotOpen", "OnlyAskerCanCancel",
    ];

    public static TheoryData<string> HelpRequestAnswerKeys => ["NotYourRequest", "RequestClosed"];

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Every_english_string_has_a_different_finnish_string_and_every_finnish_one_an_english_one(string resource)
    {
        var english = Read(resource + ".resx");
        var finnish = Read(resource + ".fi.resx");

        Assert.Empty(english.Keys.Except(finnish.Keys));
        Assert.Empty(finnish.Keys.Except(english.Keys));
        Assert.All(english, pair =>
        {
            Assert.False(string.IsNullOrWhiteSpace(pair.Value), $"{pair.Key} is empty in English.");
            Assert.False(string.IsNullOrWhiteSpace(finnish[pair.Key]), $"{pair.Key} is empty in Finnish.");
            Assert.True(pair.Value != finnish[pair.Key], $"{pair.Key} is the same in both languages: {pair.Value}");
        });
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Both_languages_of_a_string_take_the_same_placeholders(string resource)
    {
        var english = Read(resource + ".resx");
        var finnish = Read(resource + ".fi.resx");

        Assert.All(english, pair => Assert.True(
            Placeholders(pair.Value).SetEquals(Placeholders(finnish[pair.Key])),
            $"{pair.Key}: “{pair.Value}” and “{finnish[pair.Key]}” take different placeholders."));
    }

    [Fact]
    public void The_app_finds_every_string_of_every_resource_in_both_languages()
    {
        AssertResolves(Localizers.Plain<CohortText>(), "src/PeerSupportBot/Cohorts/CohortText");
        AssertResolves(Localizers.Plain<ConsentText>(), "src/PeerSupportBot/Consent/ConsentText");
        AssertResolves(Localizers.Plain<WelcomeText>(), "src/PeerSupportBot/Welcome/WelcomeText");
        AssertResolves(Localizers.Plain<AskText>(), "src/PeerSupportBot/Asking/AskText");
        AssertResolves(Localizers.Plain<HelpRequestText>(), "src/PeerSupportBot/HelpRequests/HelpRequestText");
    }

    [Theory]
    [MemberData(nameof(CohortAnswerKeys))]
    public void Every_cohort_answer_the_handlers_use_exists_in_both_languages(string key) =>
        AssertTranslated(Localizers.Plain<CohortText>(), key);

    [Theory]
    [MemberData(nameof(ConsentAnswerKeys))]
    public void Every_consent_answer_the_handlers_use_exists_in_both_languages(string key) =>
        AssertTranslated(Localizers.Plain<ConsentText>(), key);

    [Theory]
    [MemberData(nameof(AskAnswerKeys))]
    public void Every_ask_answer_the_handlers_use_exists_in_both_languages(string key) =>
        AssertTranslated(Localizers.Plain<AskText>(), key);

    [Theory]
    [MemberData(nameof(HelpRequestAnswerKeys))]
    public void Every_help_request_answer_the_handlers_use_exists_in_both_languages(string key) =>
        AssertTranslated(Localizers.Plain<HelpRequestText>(), key);

    private static void AssertTranslated<T>(IStringLocalizer<T> text, string key)
    {
        LocalizedString finnish, english;
        using (BotLanguage.Use(BotLanguage.Finnish))
            finnish = text[key, 15];
        using (BotLanguage.Use(BotLanguage.English))
            english = text[key, 15];

        Assert.False(finnish.ResourceNotFound, $"{key} is missing in Finnish.");
        Assert.False(english.ResourceNotFound, $"{key} is missing in English.");
        Assert.NotEqual(english.Value, finnish.Value);
    }

    private static void AssertResolves<T>(IStringLocalizer<T> text, string resource)
    {
        foreach (var (file, language) in new[] { (".resx", BotLanguage.English), (".fi.resx", BotLanguage.Finnish) })
        {
            using var _ = BotLanguage.Use(language);
            foreach (var (key, value) in Read(resource + file))
            {
                var found = text[key];
                Assert.False(found.ResourceNotFound, $"{typeof(T).Name}.{key} is not found in {language.Name}.");
                // Equal to this language's file, so a missing satellite assembly cannot pass as English.
                Assert.Equal(value, found.Value);
            }
        }
    }

    private static Dictionary<string, string> Read(string relativePath) =>
        XDocument.Load(Path.Combine(RepositoryRoot.Find(), relativePath))
            .Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "");

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(match => match.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
