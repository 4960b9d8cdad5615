namespace PeerSupportBot.Matching;

/// <summary>
/// The wider vocabulary written for issue 13's generalisation work: synonyms, the inflected and
/// compound forms Snowball does not join (consonant gradation: "koeaika" / "koeajalla", "laatu" /
/// "laadun"), the everyday words supervisors use in chat ("saikku", "tyky", "luottis", "poikki"),
/// English variants, and a few longer entries that exist to hide a misleading shorter one inside
/// them ("head office" is not remote work, "tulipalojen sammuttelu" is not an emergency).
/// Written topic by topic from the domain, then checked against the misses on the tuning sets.
/// Same notation and weights as TopicVocabulary; the detector reads all three lists.
/// </summary>
internal static class EverydayVocabulary
{
    public static readonly IReadOnlyList<TopicWords> All =
    [
        new("change-management",
            Finnish: new(
                Strong: ["rakennemuuto", "rakennemuutoks", "organisaatiouudist", "uudelleenjärjestel", "muutosväsy", "muutoskuorma", "järjestelmävaihdo", "järjestelmäuudistu", "jatkuva muutos", "jatkuvat muutokset", "muutoksia tulee", "muutosten keskellä", "muutoksen keskellä", "suunnanmuuto"],
                Medium: ["tietojärjestelmä", "toiminnanohjausjärjestelmä", "digitalisaati", "lakkaute", "lakkautu", "yhdistyvät", "yhdistyy", "yhdistetty", "vastustaa", "vastustav", "jarrutta", "muutoksesta", "muutokseen", "muutoksessa", "muutoksiin", "uuteen järjestelmään", "siirrytään uuteen", "organisaatio", "suunta muuttuu", "vaihtaa suuntaa"],
                Weak: ["muutokset", "muutoksia", "ylhäältä"]),
            English: new(
                Strong: ["restructure", "restructured", "reorganising", "reorganizing", "reshuffle", "merged", "going live", "go-live", "change of direction", "changing direction", "constant change", "new erp"],
                Medium: ["merge", "roll out", "rolling out", "implementation", "automation", "digitalisation", "digitalization", "transition", "combined", "relocation", "relocating", "on board", "new tool", "new software", "new process"],
                Weak: ["head office", "changes", "direction", "adapt"])),
        new("culture-change",
            Finnish: new(
                Strong: ["näin on aina tehty", "aina tehty näin", "vanhoihin tapoihin", "vanhoista tavoista", "syyllistämi", "omissa poteroissa", "siiloutu", "tapa toimia"],
                Medium: ["asenteet", "asentei", "asenteit", "juurtu", "totuttu", "tottumu", "siilo", "epäonnistumi", "kokeilla uutta", "kokeilemaan uutta", "yhteisöllisyy", "toistensa auttami", "auta toista", "kiitetä", "kiittämi", "avoimuutta", "avoimempi"],
                Weak: ["ilmapiiri", "yhteistyö", "vanhat", "tavat", "uskalleta"]),
            English: new(
                Strong: ["way we do things", "how things are done", "always done it", "always been done", "fear of failure", "afraid to fail", "culture of"],
                Medium: ["attitude", "attitudes", "silo", "blame", "ownership", "norms", "accountability", "permission", "old habits"],
                Weak: ["speak", "silent", "trust"])),
        new("change-negotiations",
            Finnish: new(
                Strong: ["~yt:", "~yt-", "saneera", "henkilöstön vähentä", "työvoiman vähentä", "vähentää henkilö", "vähentää kaksi", "irtisanomisuhka", "neuvotteluesity", "osa-aikaistami", "työpaikat vaarassa", "menettää työpaikka", "menettävät työpaikka", "saavat lähteä", "sai lähteä"],
                Medium: ["potkui", "potkuja", "säästöohjelma", "säästöjä", "kuka jää", "vähennetään", "vähentää", "vähennyksistä"],
                Weak: ["lähtevät", "lähtee"]),
            English: new(
                Strong: ["severance", "layoffs", "lay-offs", "laying off", "job losses", "cutting jobs", "losing jobs", "let people go", "pink slip", "furloughed"],
                Medium: ["job security", "sacked", "fired", "who stays", "cutbacks"],
                Weak: ["budget cuts"])),
        new("difficult-conversations",
            Finnish: new(
                Strong: ["sanaharka", "välit tulehtu", "huonot välit", "välit ovat huonot", "ei tule toimeen", "eivät tule toimeen", "toimeen keskenään", "mykkäkoulu", "eripura", "kirjallinen varoitus", "kirjallisen varoituksen", "korjaava palaute", "korjaavaa palautetta", "kaksi leiriä", "kahteen leiriin", "kuppikun", "hankala työntekijä", "hankala tyyppi", "hankala ihminen", "vaikea ihminen"],
                Medium: ["kiista", "kiisto", "nahistel", "kinaa", "kinast", "juoru", "tyly", "tylysti", "töykeä", "töykeästi", "ilkeil", "haukku", "nälvi", "puolustautu", "raivostu", "hermostu", "kiukustu", "hajuhait", "myöhässä", "negatiivista palautetta", "leiri", "klikki", "kitka", "jännitte", "moitti", "nuhtel", "puheeksi", "varoitukse", "varoituks"],
                Weak: ["palautetta", "kertoa", "keskustelu"]),
            English: new(
                Strong: ["falling out", "fell out", "feud", "don't get along", "doesn't get along", "not getting along", "shouting match", "written warning", "disciplinary", "attitude problem", "two camps", "body odour", "body odor", "hygiene"],
                Medium: ["clash", "clashing", "friction", "gossip", "rolls her eyes", "rolls his eyes", "eye roll", "passive-aggressive", "crying", "tears", "defensive", "blew up", "clique", "toxic", "smell", "address it", "raise it", "bring it up", "criticise", "criticize", "complains about"],
                Weak: ["colleague", "upset", "tell"])),
        new("development-discussions",
            Finnish: new(
                Strong: ["~kehari", "~kehis", "urasuunnitel", "suoritusarvi", "osaamiskartoitu", "kehittymiskeskustelu", "henkilökohtainen kehittymi", "tavoitteiden seuran", "vuosikeskustelu"],
                Medium: ["koulutustarve", "kehitty", "edetä urallaan", "eteenpäin urallaan", "arviointi", "arvio", "mittari", "mitattav", "tulostavoit"],
                Weak: ["osaaminen", "kehittää", "kehitys"]),
            English: new(
                Strong: ["career path", "performance rating", "performance conversation", "development conversation", "personal development", "growth plan", "annual appraisal"],
                Medium: ["rating", "targets", "kpi", "kpis", "check-in", "one on one", "pay review", "senior level", "next level", "progression", "growth", "set goals", "goal"],
                Weak: ["develop", "evaluate"])),
        new("colleague-to-supervisor",
            Finnish: new(
                Strong: ["kavereiden esihenkilö", "kavereiden pomo", "~päälliköksi", "~työnjohtajaksi", "sain paikan", "valittiin esihenkilö", "ennen tehtiin samoja", "olin yksi niistä", "tehtiin samoja hommia"],
                Medium: ["kaverisuhte", "paras kaveri", "paras työkaveri", "uskottavuu", "uskottava", "auktoriteet", "kateelli", "erityiskohtelu", "~johtajaksi", "~vetäjäksi", "esihenkilörool", "alaiseksi", "alaisikseen", "vanha porukka"],
                Weak: ["kaveria", "alainen"]),
            English: new(
                Strong: ["my old team", "former coworker", "former coworkers", "former co-workers", "ex-colleague", "old workmates", "became team lead", "became the manager", "became their manager"],
                Medium: ["work friend", "friends at work", "credibility", "old team", "now i'm the", "step up", "stepped up", "first time leading"],
                Weak: ["reports to me", "used to"])),
        new("remote-leadership",
            Finnish: new(
                Strong: ["kamerat kiinni", "kamerat pois", "toimistopäiv", "lähipäiv", "videopuhelu", "verkkopalaver", "teams-palaver", "kotitoimisto", "eri paikkakunnalla", "tekee kotoa", "tekevät kotoa", "töitä kotoa"],
                Medium: ["paikkakunna", "zoom", "teamsissa", "teamsin", "lähityö", "läsnätyö", "kotona töitä", "nähdään harvoin", "emme näe", "ei näe", "ruudu"],
                Weak: ["kotoa", "viestei"]),
            English: new(
                Strong: ["spread across", "cameras off", "camera off", "working from home", "home working", "office days", "days in the office", "online meetings", "distributed", "remotely", "different time zones", "offshore team"],
                Medium: ["zoom", "video", "teams call", "async", "slack", "screen", "another country", "other site"],
                Weak: ["messages", "online"])),
        new("self-directed-teams",
            Finnish: new(
                Strong: ["matala organisaatio", "matala hierarkia", "ilman esihenkilöä", "itse päättä", "päättää itse", "päättävät itse", "autonomi", "valmentava johtami"],
                Medium: ["valmennan", "valmentaa", "hierarki", "itsenäi", "yhteisvastuu", "päätöksenteko", "tekemään päätöksiä", "tekee päätöksiä", "päätöksiä ilman", "ketterä", "ketter", "scrum", "sprintti", "työnjako", "työnjaosta"],
                Weak: ["päätöks", "itse", "vastuuta"]),
            English: new(
                Strong: ["flat structure", "flat organisation", "flat organization", "without team leads", "self-organised", "self-organized", "self-managed", "self-planning", "sets its own", "set their own", "decide without me", "decisions without me", "without me deciding"],
                Medium: ["step back", "hands-off", "own priorities", "coach", "coaching", "scrum", "sprint"],
                Weak: ["decisions", "my role", "priorities"])),
        new("wellbeing",
            Finnish: new(
                Strong: ["finaalissa", "unettomuu", "nukun huonosti", "univaikeu", "ajatukset pyörii", "ajatukset pyörivät", "virkistyspäiv", "paha olo", "pahaa oloa", "huolehtia itsestä", "itsestään huolta", "pystyn tähän", "työkuorm", "henkilöstökysely", "ilmapiirikysely", "en kestä", "~lopussa"],
                Medium: ["voimat", "voimavar", "kuorma", "työmäärä", "kysely", "motivaatio", "kireä", "huono olo", "huonosti", "nukkumi", "uni", "unet", "kotona vaikea", "elämäntilanne", "mielialan", "energia"],
                Weak: ["liikaa", "raskas", "kuormaa"]),
            English: new(
                Strong: ["drowning", "recharge", "look after myself", "self-care", "breaking point", "overworked", "overwork", "not sleeping", "worn down", "mental load", "at the end of my rope"],
                Medium: ["morale", "low energy", "anxiety", "motivation", "exhaustion", "sleepless", "tiredness", "pulse survey", "engagement survey"],
                Weak: ["myself", "struggle"])),
        new("high-pressure",
            Finnish: new(
                Strong: ["aggressiivi", "menehty", "itsemurha", "murtauduttiin", "murtautu", "murto", "ryöstö", "ryöst", "pahoinpitel", "lukittau", "järkytty", "järkyttä", "traumaatt", "purkukeskustelu", "vaaratilanne", "läheltä piti", "somekohu", "verkko alhaalla", "järjestelmä kaatui", "lyönyt", "löi"],
                Medium: ["tulipalo", "tulipalon", "tulva", "vesivahinko", "sähkökatko", "kohu", "julkisuu", "paniikki", "vakava", "hätä", "pelkää", "pelottaa", "pelko", "turvattomuu", "kaaos", "alhaalla", "päätös nopeasti", "päättää heti"],
                Weak: ["turvallisuu", "nopeasti"]),
            English: new(
                Strong: ["weapon", "aggressive", "violent", "fire alarm", "evacuation", "evacuated", "robbery", "robbed", "break-in", "broke in", "burglary", "injured", "injury", "traumatic", "critical incident", "scandal", "lockdown"],
                Medium: ["shock", "hurt", "hostile", "media", "crunch", "system down", "network down"],
                Weak: ["safety", "scared"])),
        new("sick-leave",
            Finnish: new(
                Strong: ["sairaslom", "sairastel", "työkykyneuvottelu", "varhaisen puuttumi", "osasairauspäiväraha", "kuntoutu", "työkokeilu", "palaa töihin", "palaa sairauslomalta", "palaamassa töihin", "krapula", "humalassa", "toistuvat poissaolot", "lyhyet poissaolot", "lyhyitä poissaoloja"],
                Medium: ["flunssa", "sairaana", "jää kotiin", "jäänyt kotiin", "leikkaus", "korvaava", "kevennetty", "osa-aikai"],
                Weak: ["maanantaisin", "perjantaisin", "terveys"]),
            English: new(
                Strong: ["calls in sick", "called in sick", "sick days", "sickness", "sick note", "fit note", "phased return", "light duties", "adjusted duties", "absenteeism", "back after", "back from leave", "return from leave", "hangover", "burnout leave"],
                Medium: ["reduced hours", "surgery", "flu", "leave", "unwell", "illnesses"],
                Weak: ["health", "fridays"])),
        new("recruiting-onboarding",
            Finnish: new(
                Strong: ["koeaja", "koeajan", "työnhaku", "suosittelija", "harjoittelija", "perehdytyskummi", "ensimmäinen työpäivä", "ensimmäiset viikot", "ensimmäisinä viikkoina", "uusi tyyppi", "uuden tyypin", "uuden työntekijän", "tervetulleeksi", "hae meille töihin", "palkkas"],
                Medium: ["referenssi", "hakemus", "kummi", "työnantajakuva", "houkutte", "vaihtuvuu", "aloittavat", "tulokkaat"],
                Weak: ["sopiva", "valinta"]),
            English: new(
                Strong: ["graduate", "intern", "induction", "job offer", "shortlist", "first day", "starting monday", "talent"],
                Medium: ["cv", "welcome", "new guy", "new girl", "new person", "turnover", "joining"],
                Weak: [])),
        new("time-management",
            Finnish: new(
                Strong: ["palaverit vie", "kokoukset vie", "viestitulva", "sähköpostitulva", "ei jää aikaa", "aikaa ei jää", "ei ole aikaa", "aikaa ei ole", "tulipalojen sammut", "kaiken itse"],
                Medium: ["meili", "viestejä", "tehtävälista", "työlista", "rästi", "kieltäyty", "suunnitteluaika", "omat työt", "omaa työaikaa", "iltaisin", "viikonloppuisin", "ehdin", "ehtii", "aikaa"],
                Weak: ["kiireinen", "tehoka"]),
            English: new(
                Strong: ["whole day in meetings", "in meetings all day", "deep work", "inbox", "to-do list", "procrastinat", "enough time", "not enough hours"],
                Medium: ["emails", "answering messages", "productivity", "juggle", "juggling", "overbooked", "evenings"],
                Weak: ["meetings", "messages", "hours"])),
        new("shop-stewards",
            Finnish: new(
                Strong: ["aluehallintoviras", "työsuojelutarkast", "lakko", "lakkoon", "ulosmarssi", "työtaistelu", "ylityökielto", "vuorolisä", "työaikalaki", "ammattiyhdisty", "liiton kanssa", "liitosta"],
                Medium: ["työsuojel", "työaika", "lisät", "ylityöt", "ylitöistä", "edustajan"],
                Weak: ["sopimus"]),
            English: new(
                Strong: ["strike", "walkout", "grievance", "labour law", "labor law", "overtime pay", "employee rep", "staff rep", "bargaining", "tribunal", "union representative"],
                Medium: ["working time", "contract terms"],
                Weak: ["rules", "pay"])),
        new("customer-work",
            Finnish: new(
                Strong: ["laatupoikkeam", "asiakaskysel", "palvelutaso", "palvelukokemu", "palvelukulttuur", "palvelulupau", "hoitotyön laatu", "hoidon laadu", "palvelun laadu", "asiakkaat valitta", "asiakkaiden kohtelu", "asiakaspalvelija", "asiakastyytyväisyys"],
                Medium: ["laadu", "vasteaika", "odotusaika", "tyytyväisyy", "kohtelu", "asiakasmäärä", "omaisten"],
                Weak: ["valittaa"]),
            English: new(
                Strong: ["customer service", "customer feedback", "service level", "net promoter", "call quality", "quality of care", "care quality", "standard of service", "customer complaints", "customers complain"],
                Medium: ["response time", "guests", "patients", "satisfaction", "complain", "reviews"],
                Weak: [])),
    ];
}
