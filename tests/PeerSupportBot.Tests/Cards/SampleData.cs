using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.Contacts;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Matching;

namespace PeerSupportBot.Tests.Cards;

/// <summary>Cohorts, members and profiles as the stores would hand them to the cards. Times are at noon UTC, so the date is the same in Finland.</summary>
internal static class SampleData
{
    public const string Code = "K7Q2-XM4P";

    /// <summary>The deep link that opens a chat with the bot, as PrivateChat.OpenLink makes it.</summary>
    public static readonly Uri OpenBot = new("https://teams.microsoft.com/l/chat/0/0?users=28%3A00000000-0000-0000-0000-00000000b07a");

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static Cohort Cohort(bool closed = false) => new(
        Id: "c-spring",
        Name: "Esihenkilövalmennus kevät 2027",
        TrainerKey: "trainer-1",
        TrainerName: "Kaisa Kouluttaja",
        CreatedAt: new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero),
        EndsOn: new DateOnly(2027, 5, 31),
        Closed: closed,
        CodeHash: "hash",
        Version: "etag");

    public static Cohort OtherCohort() => Cohort() with { Id = "c-autumn", Name = "Lähijohtajat syksy 2026" };

    public static IReadOnlyList<CohortMember> Members() =>
    [
        new("c-spring", "person-anna", "Anna Esimerkki", new DateTimeOffset(2026, 11, 5, 12, 0, 0, TimeSpan.Zero), ["difficult-conversations", "wellbeing"], ["fi"]),
        new("c-spring", "person-ben", "Ben Example", new DateTimeOffset(2026, 11, 7, 12, 0, 0, TimeSpan.Zero), ["remote-leadership"], ["en", "sv"]),
    ];

    public static Profile Profile(DateTimeOffset? pausedUntil = null, int cap = 4) => new(
        PersonKey: "person-anna",
        Name: "Anna Esimerkki",
        Locale: "fi-FI",
        Topics: ["difficult-conversations", "wellbeing"],
        Languages: ["fi", "sv"],
        PausedUntil: pausedUntil,
        MonthlyCap: cap,
        Version: "etag");

    public static ContactLink Contact() => new(
        PersonKey: "person-anna",
        ServiceUrl: "https://smba.trafficmanager.net/emea/",
        TenantId: "tenant-42",
        BotId: "28:bot-id",
        UserId: "29:anna-id",
        ConversationId: "a:anna-conversation",
        UserPrincipalName: "anna@example.fi",
        Unreachable: false,
        UpdatedAt: Now);

    public static IReadOnlyList<PersonCohort> PersonCohorts() =>
    [
        new("person-anna", "c-spring", "Esihenkilövalmennus kevät 2027", CohortRole.Trainer, new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero)),
        new("person-anna", "c-autumn", "Lähijohtajat syksy 2026", CohortRole.Member, new DateTimeOffset(2026, 9, 14, 12, 0, 0, TimeSpan.Zero)),
    ];

    public static IReadOnlyList<ConsentRecord> ConsentLog() =>
    [
        new(new DateTimeOffset(2026, 9, 14, 12, 30, 0, TimeSpan.Zero), "c-autumn", ConsentAction.Given, ["wellbeing"], ["fi"], "2026-09-01"),
        new(new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero), "c-gone", ConsentAction.Changed, ["wellbeing", "difficult-conversations"], ["fi", "sv"], ConsentTextVersion.Current),
    ];

    /// <summary>Three colleagues as matching would suggest them; the scores must never reach a card.</summary>
    public static IReadOnlyList<Candidate> Candidates() =>
    [
        new("person-anna", "Anna Esimerkki", ["difficult-conversations", "wellbeing"], ["Esihenkilövalmennus kevät 2027"], 0.8731),
        new("person-ben", "Ben Example", ["remote-leadership"], ["Esihenkilövalmennus kevät 2027", "Lähijohtajat syksy 2026"], 0.6419),
        new("person-carl", "Carl Caseworker", ["difficult-conversations"], ["Lähijohtajat syksy 2026"], 0.5127),
    ];

    public const string AskerName = "Dora Kysyjä";

    /// <summary>Sent at noon UTC, open for a day: it expires at 14.00 Finnish time on 24 November.</summary>
    public static HelpRequest Request(Urgency urgency = Urgency.Today) => new(
        Id: "req-42",
        AskerKey: "person-dora",
        Topics: ["change-negotiations", "difficult-conversations"],
        Urgency: urgency,
        Status: RequestStatus.Open,
        CreatedAt: Now,
        ExpiresAt: Now.AddDays(1),
        ClosedAt: null,
        AcceptedBy: null,
        Version: "etag");

    public static Introduction Introduction(string? askerUpn = "dora.o'neill+peer@example.fi", string? helperUpn = "anna@example.fi") => new(
        RequestId: "req-42",
        AskerName: "Dora Kysyjä",
        AskerUpn: askerUpn,
        HelperName: "Anna Esimerkki",
        HelperUpn: helperUpn,
        Topics: ["change-negotiations"]);
}
