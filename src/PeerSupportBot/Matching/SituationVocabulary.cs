namespace PeerSupportBot.Matching;

/// <summary>
/// Situations that imply a topic without naming it ("olen ihan loppu" is wellbeing, "entinen
/// tiimikaveri ei kuuntele" is from colleague to supervisor, "asiakas uhkaili" is a high-pressure
/// situation). Written after chat-style asks showed that supervisors describe what happened more
/// often than they name a topic (issue 13). Same notation and weights as TopicVocabulary; the
/// detector reads both lists. Spoken forms are rewritten by ColloquialFinnish before these meet them.
/// </summary>
internal static class SituationVocabulary
{
    public static readonly IReadOnlyList<TopicWords> All =
    [
        new("change-management",
            Finnish: new(
                Strong: ["uusi toimintamalli", "firma myytiin", "yritys myytiin", "yksiköt yhdistyvät", "yhdistetään yksikkö"],
                Medium: ["strategia", "uusi malli", "johto päätti", "siirretään toiseen", "yhdisty", "toimipisteet"],
                Weak: ["muutoksesta"]),
            English: new(
                Strong: ["new operating model", "reporting lines", "reports to whom", "split in two", "new org chart", "new structure"],
                Medium: ["move under", "new strategy", "strategy", "restructure"],
                Weak: [])),
        new("culture-change",
            Finnish: new(
                Strong: ["uskalla sanoa", "uskalleta sanoa", "ei uskalleta", "tiedon jakami", "jakaa tietoa", "jaettaisi tietoa"],
                Medium: ["meininki", "virheen", "virheitä", "nyökyttel", "selän takana", "tavat on"],
                Weak: ["uskalla"]),
            English: new(
                Strong: ["admit mistakes", "hide mistakes", "honest feedback", "too polite", "silos"],
                Medium: ["never admit", "blows up", "nobody speaks"],
                Weak: [])),
        new("change-negotiations",
            Finnish: new(
                Strong: ["työt loppuu", "työt loppuvat", "työsuhde päättyy", "kuka lähtee", "vähennyk", "vähennyks", "henkeä lähtee"],
                Medium: ["joutuu lähtemään", "lähtee talosta", "vähennetään"],
                Weak: []),
            English: new(
                Strong: ["pick names", "losing their jobs", "jobs at risk", "lose their jobs"],
                Medium: ["cut", "cutting"],
                Weak: [])),
        new("difficult-conversations",
            Finnish: new(
                Strong: ["puhu toisilleen", "puhuneet toisilleen", "riidel", "ovet paukkuen", "selän takana", "ottaa puheeksi"],
                Medium: ["myöhästel", "asiaton", "asiatonta", "ulkonäkö", "suuttu", "loukkaantu", "itkee", "itku", "hygienia", "vähättel"],
                Weak: ["sanoa suoraan", "uskaltanut sanoa"]),
            English: new(
                Strong: ["not talking to each other", "avoid each other", "snapped at", "fighting", "fight"],
                Medium: ["rude", "keeps arriving late", "late every"],
                Weak: [])),
        new("development-discussions",
            Finnish: new(
                Strong: ["vuosikeskustelu", "palkankorotu"],
                Medium: ["urallaan eteenpäin", "uralla", "yllä tavoitteisiin"],
                Weak: []),
            English: new(
                Strong: ["yearly review", "annual review", "set goals", "pay rise"],
                Medium: ["did fine", "career"],
                Weak: [])),
        new("colleague-to-supervisor",
            Finnish: new(
                Strong: ["entinen tiimikaveri", "entiset tiimikaverit", "vanha kaveri", "vanhat kaverit", "vanhat työkaverit", "~ennen olin", "~olin ennen", "rivijäsen", "haki samaa paikkaa", "sain pestin", "minusta tuli esihenkilö", "minusta tuli tiimin vetäjä", "kaverien esihenkilö"],
                Medium: ["tiimikaveri", "ota tosissaan", "ottaa tosissaan", "afterwork", "tiimin vetäjä", "omasta tiimistä", "samassa tiimissä", "olen se johto", "niiden esihenkilö"],
                Weak: ["kaverit", "kavereita"]),
            English: new(
                Strong: ["used to sit with", "applied for my job", "old teammates", "took over the team", "boss of my", "my best friend", "their manager now", "now I'm their manager"],
                Medium: ["took over", "used to be one of"],
                Weak: ["friends"])),
        new("remote-leadership",
            Finnish: new(
                Strong: ["eri kaupungeissa", "eri paikkakunnilla", "eri maissa", "kolmessa maassa", "takaisin toimistolle", "kameraa päällä"],
                Medium: ["hajallaan", "kotoa", "ruuduille", "ruudut"],
                Weak: ["puolet tiimistä"]),
            English: new(
                Strong: ["different cities", "different countries", "two sites", "back to the office", "return to office", "flexible work", "never see anyone"],
                Medium: ["barely see"],
                Weak: ["across"])),
        new("self-directed-teams",
            Finnish: new(
                Strong: ["suunnittelee itse", "suunnittelevat itse", "itse omat", "päättäisi itse", "jakaa työt keskenään", "tiiminvetäjiä", "ilman esihenkilöä", "ohjaa itseään"],
                Medium: ["~keskenään", "vastuun budjetista", "vastuuta tiimille", "omat työvuorot"],
                Weak: []),
            English: new(
                Strong: ["plans its own", "picks its own", "own sprints", "decide everything together", "removed team leads", "no team leads", "without a manager", "vote on"],
                Medium: ["their own work"],
                Weak: ["its own", "together"])),
        new("wellbeing",
            Finnish: new(
                Strong: ["ihan loppu", "olen loppu", "voimat loppu", "vie voimat", "en nuku", "puun ja kuoren", "kuormituskysely", "henkinen kuorma", "liikaa töitä"],
                Medium: ["nukkua", "öisin", "unet", "itkettää", "kireänä", "kiree", "kotona vaikea", "miten minulla menee", "vie voimia"],
                Weak: ["kireä"]),
            English: new(
                Strong: ["drained", "switch off", "can't sleep", "worn out", "running on fumes", "no energy", "too much on my plate"],
                Medium: ["struggling", "personal problems", "exhausting"],
                Weak: [])),
        new("high-pressure",
            Finnish: new(
                Strong: ["pommi", "kävi käsiksi", "~käsiksi", "shokissa", "shokki", "poliisi", "ambulanssi", "päätös heti", "päättää tunnin", "evakuo"],
                Medium: ["peloissaan", "~pelkää", "~pelkäävät", "kaatu", "mediasta", "media", "toimittaja", "häiriö", "katko"],
                Weak: ["heti", "uhka"]),
            English: new(
                Strong: ["screamed", "went down", "outage", "police", "bomb", "assaulted", "attacked", "journalist"],
                Medium: ["roll back", "press", "threatening"],
                Weak: [])),
        new("sick-leave",
            Finnish: new(
                Strong: ["ollut pois", "pois töistä", "takaisin töihin", "kevyempää työtä", "kevyempi työ", "päihde", "alkoholi"],
                Medium: ["kipeä", "kipeänä", "lääkäri", "~selkä", "selkäkipu"],
                Weak: ["pois"]),
            English: new(
                Strong: ["been off work", "off sick", "calling in sick", "back to work", "stay in touch", "drinking", "alcohol"],
                Medium: ["doctor", "off for"],
                Weak: [])),
        new("recruiting-onboarding",
            Finnish: new(
                Strong: ["hakemuk", "hakemuks", "~tulokas", "~tulokkaa", "aloittaa maanantaina", "alkaa maanantaina", "ensimmäisille viikoille"],
                Medium: ["opastaa", "opastami", ],
                Weak: []),
            English: new(
                Strong: ["new joiner", "first week", "start date", "starts on monday", "good talker"],
                Medium: ["joined"],
                Weak: [])),
        new("time-management",
            Finnish: new(
                Strong: ["palaverit venyy", "palaverit venyvät", "täynnä palavereita", "ei etene", "sanoa ei", "tuntia viikossa"],
                Medium: ["en ehdi", "ei ehdi", "pysy perässä", "muiden ongelmia"],
                Weak: ["palaverit", "palavereita"]),
            English: new(
                Strong: ["back-to-back", "real work at night", "hours a week"],
                Medium: ["all day"],
                Weak: [])),
        new("shop-stewards",
            Finnish: new(
                Strong: ["ylityökorvau", "meni liittoon", "työaikajärjestely"],
                Medium: ["lepoaik"],
                Weak: []),
            English: new(
                Strong: ["union rep"],
                Medium: ["working hours"],
                Weak: [])),
        new("customer-work",
            Finnish: new(
                Strong: ["asukka", "omaiset", "omaisten"],
                Medium: ["asukas", "pompotel", "kohdata"],
                Weak: []),
            English: new(
                Strong: ["customer satisfaction"],
                Medium: ["residents"],
                Weak: [])),
    ];
}
