using System.Globalization;
using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;
using PeerSupportBot.Topics;
using static PeerSupportBot.CardLayout.CardParts;

namespace PeerSupportBot.Consent;

/// <summary>
/// The cards of consent, topics, availability and a person's own data, in the current UI culture.
/// The consent card is shown before anything about the person is stored; its wording is
/// versioned by <see cref="ConsentTextVersion.Current"/>.
/// </summary>
internal sealed partial class ConsentCards(IStringLocalizer<ConsentText> text)
{
    public const int MinCap = 1;
    public const int MaxCap = 10;

    /// <param name="openBot">Set when the form is shown in a group chat because the bot cannot write to the person privately.</param>
    public AdaptiveCard ConsentRequest(Cohort cohort, string code, Profile? existing, string? error = null, Uri? openBot = null)
    {
        var heading = text["ConsentTitle", cohort.Name];
        List<CardElement> body =
        [
            Heading(heading),
            .. openBot is null ? Array.Empty<CardElement>() : [Error(text["ConsentHereInstead"])],
            Paragraph(text["ConsentIntro"]),
            Section(text["StoredHeading"]),
            Paragraph(text["Stored"]),
            Section(text["WhoSeesHeading"]),
            Paragraph(text["WhoSees"]),
            Section(text["NeverStoredHeading"]),
            Paragraph(text["NeverStored"]),
            Section(text["ChangeMindHeading"]),
            Paragraph(text["ChangeMind"]),
            Bullets(text["ChangeMindLeave", text["WordLeave"]], text["ChangeMindWithdraw", text["WordWithdraw"]], text["ChangeMindForget", text["WordForgetMe"]]),
        ];
        if (existing is not null)
        {
            body.Add(new TextBlock { Text = text["ExistingChoicesNote"], Wrap = true, IsSubtle = true, Spacing = Spacing.Medium });
        }

        if (error is not null)
        {
            body.Add(Error(error));
        }

        body.Add(TopicsInput(existing?.Topics));
        body.Add(LanguagesInput(existing?.Languages));
        body.Add(new TextBlock { Text = text["ConsentVersion", ConsentTextVersion.Current], Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.Medium });
        return Card(heading, body,
        [
            Execute(text["AgreeButton"], ConsentVerbs.Give, new CardData { CohortId = cohort.Id, Code = code }, ActionStyle.Positive),
            ExecuteWithoutInputs(text["NotNowButton"], ConsentVerbs.Decline, new CardData { CohortId = cohort.Id }),
        ]);
    }

    /// <param name="openBot">Set when the person consented in a group and the bot cannot write to them privately yet.</param>
    public AdaptiveCard Joined(Cohort cohort, Profile profile, Uri? openBot = null) =>
        Card(text["JoinedTitle", cohort.Name],
        [
            Heading(text["JoinedTitle", cohort.Name]),
            Paragraph(text["JoinedThanks"]),
            .. openBot is null ? Array.Empty<CardElement>() : [Error(text["JoinedNotYetReachable"])],
            Choices(profile),
            Section(text["WhatNextHeading"]),
            Paragraph(text["WhatNext"]),
            Section(text["CommandsHeading"]),
            new FactSet
            {
                Facts =
                [
                    new Fact(text["WordMyTopics"], text["MyTopicsDescription"]),
                    new Fact(text["WordPause"], text["PauseDescription"]),
                    new Fact(text["WordMyData"], text["MyDataDescription"]),
                    new Fact(text["WordLeave"], text["LeaveDescription"]),
                    new Fact(text["WordForgetMe"], text["ForgetMeDescription"]),
                ],
            },
        ],
        openBot is null ? null : [new OpenUrlAction { Title = text["OpenBotButton"], Url = openBot }]);

    public AdaptiveCard Declined(string cohortName) =>
        Card(text["DeclinedTitle"],
        [
            Heading(text["DeclinedTitle"]),
            Paragraph(text["DeclinedNotJoined", cohortName]),
            Paragraph(text["NothingWasStored"]),
            Subtle(text["DeclinedChangeMind"]),
        ]);

    public AdaptiveCard TopicsForm(Profile profile, string? error = null)
    {
        List<CardElement> body = [Heading(text["TopicsTitle"]), Paragraph(text["TopicsIntro"])];
        if (error is not null)
        {
            body.Add(Error(error));
        }

        body.Add(TopicsInput(profile.Topics));
        body.Add(LanguagesInput(profile.Languages));
        return Card(text["TopicsTitle"], body, [Execute(text["SaveButton"], ConsentVerbs.SaveTopics, style: ActionStyle.Positive)]);
    }

    public AdaptiveCard TopicsSaved(Profile profile) =>
        Card(text["SavedTitle"], [Heading(text["SavedTitle"]), Choices(profile), Subtle(text["TopicsSavedNote"])]);

    public AdaptiveCard AvailabilityForm(Profile profile, DateTimeOffset now)
    {
        var cap = Math.Clamp(profile.MonthlyCap, MinCap, MaxCap);
        return Card(text["AvailabilityTitle"],
        [
            Heading(text["AvailabilityTitle"]),
            Paragraph(AvailabilityState(profile, now)),
            new ChoiceSetInput
            {
                Id = "pause",
                Label = text["PauseLabel"],
                Style = ChoiceInputStyle.Expanded,
                IsRequired = true,
                ErrorMessage = text["PauseRequired"],
                Choices =
                [
                    new Choice(text["PauseNone"], PauseChoices.None),
                    new Choice(text["PauseOneWeek"], PauseChoices.OneWeek),
                    new Choice(text["PauseTwoWeeks"], PauseChoices.TwoWeeks),
                    new Choice(text["PauseFourWeeks"], PauseChoices.FourWeeks),
                    new Choice(text["PauseUntilResumed"], PauseChoices.UntilResumed),
                ],
                // A break that ends on a date has no matching choice: the person picks again
                // rather than having it silently shortened or ended.
                Value = !profile.IsPausedAt(now) ? PauseChoices.None : IsIndefinite(profile) ? PauseChoices.UntilResumed : null,
            },
            new ChoiceSetInput
            {
                Id = "cap",
                Label = text["CapLabel"],
                Style = ChoiceInputStyle.Compact,
                IsRequired = true,
                Choices = [.. Enumerable.Range(MinCap, MaxCap - MinCap + 1).Select(n => new Choice(CapText(n), n.ToString(CultureInfo.InvariantCulture)))],
                Value = cap.ToString(CultureInfo.InvariantCulture),
            },
            Subtle(text["AvailabilityNote"]),
        ],
        [Execute(text["SaveButton"], ConsentVerbs.SaveAvailability, style: ActionStyle.Positive)]);
    }

    public AdaptiveCard AvailabilitySaved(Profile profile, DateTimeOffset now) =>
        Card(text["SavedTitle"],
        [
            Heading(text["SavedTitle"]),
            Paragraph(AvailabilityState(profile, now)),
            Paragraph(CapText(profile.MonthlyCap)),
        ]);

    internal string TopicNames(IReadOnlyList<string> ids)
    {
        var names = ids.Select(id => TopicCatalog.Find(id)?.NameIn(CultureInfo.CurrentUICulture)).OfType<string>().ToList();
        return names.Count > 0 ? string.Join(", ", names) : text["NoneChosen"];
    }

    internal string LanguageNames(IReadOnlyList<string> codes)
    {
        var names = HelpLanguages.Known(codes).Select(LanguageName).ToList();
        return names.Count > 0 ? string.Join(", ", names) : text["NoneChosen"];
    }

    internal string AvailabilityState(Profile profile, DateTimeOffset now) =>
        !profile.IsPausedAt(now) ? text["Available"]
        : IsIndefinite(profile) ? text["PausedIndefinitely"]
        : text["PausedUntil", Date(profile.PausedUntil!.Value)];

    internal string CapText(int cap) => cap == 1 ? text["CapOne"] : text["CapMany", cap];

    private static bool IsIndefinite(Profile profile) =>
        profile.PausedUntil is { } until && until >= Profile.Indefinitely.AddYears(-1);

    private FactSet Choices(Profile profile) => new()
    {
        Facts =
        [
            new Fact(text["TopicsLabel"], TopicNames(profile.Topics)),
            new Fact(text["LanguagesLabel"], LanguageNames(profile.Languages)),
            new Fact(text["MonthlyCapLabel"], CapText(profile.MonthlyCap)),
        ],
    };

    private ChoiceSetInput TopicsInput(IReadOnlyList<string>? selected) => new()
    {
        Id = "topics",
        Label = text["TopicsInputLabel"],
        IsMultiSelect = true,
        Style = ChoiceInputStyle.Expanded,
        IsRequired = true,
        ErrorMessage = text["NoTopicsChosen"],
        Wrap = true,
        Choices = [.. TopicCatalog.All.Select(topic => new Choice(topic.NameIn(CultureInfo.CurrentUICulture), topic.Id))],
        Value = selected is { Count: > 0 } ? string.Join(',', TopicCatalog.Known(selected)) : null,
    };

    private ChoiceSetInput LanguagesInput(IReadOnlyList<string>? selected)
    {
        var known = selected is null ? [] : HelpLanguages.Known(selected);
        return new ChoiceSetInput
        {
            Id = "languages",
            Label = text["LanguagesInputLabel"],
            IsMultiSelect = true,
            Style = ChoiceInputStyle.Expanded,
            IsRequired = true,
            ErrorMessage = text["NoLanguagesChosen"],
            Choices = [.. HelpLanguages.All.Select(code => new Choice(LanguageName(code), code))],
            Value = known.Count > 0 ? string.Join(',', known) : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
        };
    }

    private string LanguageName(string code) => code switch
    {
        "fi" => text["LanguageFinnish"],
        "sv" => text["LanguageSwedish"],
        _ => text["LanguageEnglish"],
    };
}
