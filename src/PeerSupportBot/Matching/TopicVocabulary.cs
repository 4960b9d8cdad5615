namespace PeerSupportBot.Matching;

/// <summary>
/// The words that point to each topic, in Finnish and English, as reviewable data.
/// How an entry is written:
/// <list type="bullet">
/// <item>"word": stemmed with the language's Snowball/Porter stemmer, then matches a word whose stem
/// or written form starts with it ("etä" → etätiimiä, etänä); in Finnish also a word that holds it
/// inside a compound when it has 5+ letters ("luottamusmi" → pääluottamusmieheen); stems of 7+ letters
/// also forgive one typo (Damerau distance 1).</item>
/// <item>"=word": the stem must equal it exactly (short words such as "yt").</item>
/// <item>"~word": not stemmed; matches words that begin with exactly these letters, for endings that
/// carry the meaning ("~esihenkilöksi", becoming a supervisor, which stems to plain "esihenkilö").</item>
/// <item>"two words": a phrase; its stemmed words in order with at most two words between.</item>
/// </list>
/// Write the shortest stem that is still unambiguous: Finnish stems change inside a word
/// (muutos → muutoksen), so "muutoks" and "muutos" are both listed. A longer match hides shorter ones
/// inside it, so "muutosneuvottelu" counts for change negotiations and not for change management.
/// </summary>
internal static class TopicVocabulary
{
    public const double Strong = 3.0;
    public const double Medium = 1.5;
    public const double Weak = 0.75;

    public static readonly IReadOnlyList<TopicWords> All =
    [
        new("change-management",
            Finnish: new(
                Strong: ["muutosjohtami", "muutosvastarinta", "organisaatiomuuto", "organisaatiomuutoks", "uudelleenorganisoi", "muutosprosessi", "muutoksen johtaminen", "muutosviestintä", "fuusio", "yritysosto", "uusi organisaatio", "uuteen organisaatioon"],
                Medium: ["organisaatiorakenne", "vastarinta", "uudistus", "uudistuks", "käyttöönotto", "otetaan käyttöön", "yhdistetään", "yhdistämi", "uusi järjestelmä"],
                Weak: ["muutos", "muutoks", "epävarmuu", "epävarma"]),
            English: new(
                Strong: ["change management", "reorganisation", "reorganization", "reorg", "restructuring", "merger", "acquired", "acquisition", "resistance to change", "change fatigue", "transformation"],
                Medium: ["merging", "rollout", "buy-in", "new system", "resist", "resistance"],
                Weak: ["change", "uncertainty", "anxious"])),
        new("culture-change",
            Finnish: new(
                Strong: ["toimintakulttuur", "työkulttuur", "organisaatiokulttuur", "kulttuurimuuto", "palautekulttuur", "psykologinen turvallisuus", "toimintatapojen muutos"],
                Medium: ["kulttuur", "aina tehty", "vanhat tavat", "pelisäännö", "toimintatapo", "toimintatava", "virheistä oppi"],
                Weak: ["avoimuu", "avoime", "asenne", "arvot", "palaute", "palautteen anta"]),
            English: new(
                Strong: ["work culture", "culture change", "company culture", "organisational culture", "organizational culture", "psychological safety", "blame culture", "feedback culture"],
                Medium: ["culture", "top-down", "speak up", "mindset", "ways of working", "always done"],
                Weak: ["mistakes", "openly", "values", "habits"])),
        new("change-negotiations",
            Finnish: new(
                Strong: ["muutosneuvottelu", "yt-neuvottelu", "=yt", "irtisano", "lomaut", "henkilöstövähennyk", "henkilöstövähennys", "vähentämistarve", "tuotannollisista ja taloudellisista"],
                Medium: ["potkut", "sopeuttami", "säästötoimet", "työpaikkansa menettä"],
                Weak: ["säästö", "lähteä talosta"]),
            English: new(
                Strong: ["change negotiations", "layoff", "lay off", "laid off", "redundancy", "redundancies", "downsizing", "furlough", "dismissal", "job cuts", "let go", "cut staff", "headcount"],
                Medium: ["job losses", "survivor", "cost cutting"],
                Weak: ["cuts"])),
        new("difficult-conversations",
            Finnish: new(
                Strong: ["vaikea keskustelu", "vaikeat keskustelut", "hankala keskustelu", "hankalaan keskusteluun", "ristiriit", "ristiriid", "konflikt", "kiusaa", "kiusat", "epäasiallinen", "epäasiallis", "asiaton käytös", "sovittelu"],
                Medium: ["riita", "riida", "riido", "riitel", "riidel", "erimielisyy", "ottaa puheeksi", "otan puheeksi", "puheeksiotto", "käytös", "varoitus", "huuta", "huusi", "kriittinen palaute"],
                Weak: ["hankal", "vaikea", "puutu", "puuttu", "huomautus"]),
            English: new(
                Strong: ["difficult conversation", "tough conversation", "hard conversation", "conflict", "tough feedback", "criticism", "confrontation", "bullying", "harassment", "dispute"],
                Medium: ["argument", "behaviour", "behavior", "intervene", "awkward", "shouted", "shouting", "yelled", "tension", "warning"],
                Weak: ["feedback", "difficult", "tough"])),
        new("development-discussions",
            Finnish: new(
                Strong: ["kehityskeskustelu", "kehityskeskust", "tavoitekeskustelu", "arviointikeskustelu", "kehityssuunnitelma", "kehittymissuunnitelma", "pulssikeskustelu", "suorituksen arviointi"],
                Medium: ["suoriutu", "tavoit", "tavoitteiden asettami", "urakehity", "osaamisen kehittämi"],
                Weak: ["kehittymi"]),
            English: new(
                Strong: ["performance review", "development discussion", "appraisal", "annual review", "one-to-one", "underperform", "development plan"],
                Medium: ["goal setting", "career development", "performance", "objectives"],
                Weak: ["goals", "review"])),
        new("colleague-to-supervisor",
            Finnish: new(
                Strong: ["työkaverista esihenkilöksi", "kollegasta esihenkilöksi", "työkaverista esimieheksi", "ylennettiin", "ylennys", "ylennyks", "entiset työkaverit", "entinen työkaveri", "entiset kollegat", "entinen kollega"],
                Medium: ["uusi esihenkilö", "uusi esimies", "esihenkilön rooli", "~esihenkilöksi", "~esimieheksi", "suosimi"],
                Weak: ["kaveri", "työkaveri", "kollega", "entiset", "rooli"]),
            English: new(
                Strong: ["promoted", "promotion", "former peers", "former colleagues", "former teammates", "old colleagues", "former peer"],
                Medium: ["first-time manager", "new manager", "peers", "boss of"],
                Weak: ["friend", "boundaries"])),
        new("remote-leadership",
            Finnish: new(
                Strong: ["etä", "etäjohtami", "etätyö", "etätiimi", "hybridi", "monipaikka", "aikavyöhyk"],
                Medium: ["kamera", "videopalaver", "virtuaali", "kotoa käsin"],
                Weak: ["teams", "toimisto", "yhteishenki"]),
            English: new(
                Strong: ["remote", "hybrid", "work from home", "wfh", "distributed team", "virtual team", "time zones", "home office"],
                Medium: ["in person", "distance", "camera", "video calls", "office"],
                Weak: ["isolated"])),
        new("self-directed-teams",
            Finnish: new(
                Strong: ["itseohjautu", "itseorganisoi", "päätösvalta", "itseohjaav"],
                Medium: ["ohjaa itse", "päättää itse", "vastuun jakami", "valtuut", "omatoimisuu", "delegoi"],
                Weak: ["vastuu"]),
            English: new(
                Strong: ["self-directed", "self-organising", "self-organizing", "self-managing", "autonomous team", "sociocracy", "holacracy"],
                Medium: ["autonomy", "empower", "decide themselves", "escalate", "delegate"],
                Weak: ["agile", "themselves"])),
        new("wellbeing",
            Finnish: new(
                Strong: ["hyvinvoin", "jaksa", "uupu", "burnout", "loppuunpala", "stress", "väsy", "ylikuormi"],
                Medium: ["kuormitus", "kuormittu", "palautu", "palaudu", "kyynisyy", "ahdist", "mielenterve", "työkyky", "työkyvy", "voi huonosti", "voivat huonosti"],
                Weak: ["ilmapiiri", "raskas"]),
            English: new(
                Strong: ["wellbeing", "well-being", "burnout", "burning out", "burnt out", "exhausted", "stress", "mental health", "cope", "coping", "running on empty"],
                Medium: ["overwhelmed", "workload", "recover", "fatigue", "tired", "wellness", "survey"],
                Weak: ["sleep", "energy"])),
        new("high-pressure",
            Finnish: new(
                Strong: ["kriisi", "paineen alla", "kova paine", "kovan paineen", "vaativa tilanne", "vaativat tilanteet", "paineist", "tapaturma", "onnettomuu", "väkival", "hätätilan", "jälkipuinti", "uhkail", "uhkaav", "kuoli", "kuolema", "tietomurto", "kyberhyökkäy"],
                Medium: ["paine", "painost", "äkillinen", "nopea päätös"],
                Weak: ["kiireelli"]),
            English: new(
                Strong: ["under pressure", "crisis", "emergency", "serious incident", "accident", "threatened", "violence", "death", "died", "data breach", "cyberattack", "high-stakes", "debrief"],
                Medium: ["pressure", "incident", "threat", "tight deadline", "high stakes"],
                Weak: ["urgent"])),
        new("sick-leave",
            Finnish: new(
                Strong: ["sairauslom", "sairauspoissa", "sairauspäiväraha", "varhainen tuki", "varhaisen tuen", "varhaista tukea", "työterveys", "työterveyde", "poissaolo", "lääkärintodistu"],
                Medium: ["sairastu", "sairas", "paluu töihin", "töihin paluu", "työhön paluu", "työn keventämi", "kevennet", "korvaava työ", "masennu", "työkyky", "työkyvy"],
                Weak: ["poissa", "kela", "paluu", "paluuta"]),
            English: new(
                Strong: ["sick leave", "sickness absence", "absence", "absences", "long-term sick", "return to work", "occupational health", "early support", "early intervention", "medical leave"],
                Medium: ["sick", "illness", "doctor's note", "absent"],
                Weak: ["health"])),
        new("recruiting-onboarding",
            Finnish: new(
                Strong: ["rekry", "perehdy", "työpaikkailmoitu", "työhönotto", "koeaika", "hakija", "hakijoi", "haastattel"],
                Medium: ["avoin paikka", "avoimeen paikkaan", "uusi työntekijä", "uudet työntekijät", "uuden työntekijän", "palkata", "palkkaami", "osaaj", "ehdoka", "kesätyöntekijä", "kesätyö"],
                Weak: ["mentori"]),
            English: new(
                Strong: ["recruit", "recruiting", "hiring", "hire", "interview", "onboard", "onboarding", "new hire", "new employees", "new employee", "job posting", "candidate", "applicant", "probation", "new starter"],
                Medium: ["orientation", "up to speed", "vacancy", "job ad"],
                Weak: ["newcomer"])),
        new("time-management",
            Finnish: new(
                Strong: ["ajankäyt", "ajankäy", "ajanhallin", "priorisoi", "kalenter", "aika ei riitä"],
                Medium: ["aikataulu", "ehdi", "delegoi", "sähköpost", "keskeyt"],
                Weak: ["palaver", "kokou", "kiire", "tehokkuu", "iltaisin"]),
            English: new(
                Strong: ["time management", "prioritise", "prioritize", "calendar", "too many meetings", "firefighting"],
                Medium: ["email", "interruptions", "focus time", "delegate"],
                Weak: ["meetings", "busy", "deadline"])),
        new("shop-stewards",
            Finnish: new(
                Strong: ["luottamusmi", "luottamushenkil", "työsuojeluvaltuut", "ammattiliit", "henkilöstön edustaj", "paikallinen sopimi", "työehtosopimu", "=tes", "yhteistoimin"],
                Medium: ["neuvottel", "työsuojelu", "edustaj", "liitto"],
                Weak: ["ylityö", "sopimi"]),
            English: new(
                Strong: ["shop steward", "steward", "union rep", "union", "employee representative", "collective agreement", "works council", "safety representative", "safety rep"],
                Medium: ["negotiating", "negotiation", "labour relations", "labor relations"],
                Weak: ["overtime"])),
        new("customer-work",
            Finnish: new(
                Strong: ["asiakastyö", "asiakaspalvel", "asiakaspalaut", "asiakaskokemu", "asiakastyytyväisyy", "reklamaatio", "palvelun laatu", "hoidon laatu"],
                Medium: ["laatu", "valitu", "valituks", "valitta", "potilai", "potilas"],
                Weak: ["palvelu", "asiak", "asiakk"]),
            English: new(
                Strong: ["service quality", "customer experience", "customer satisfaction", "complaint"],
                Medium: ["quality", "patient"],
                Weak: ["service", "customer", "client"])),
    ];
}

/// <summary>One topic's words in both languages.</summary>
internal sealed record TopicWords(string TopicId, WeightedWords Finnish, WeightedWords English);

/// <summary>Words by how strongly each alone points to the topic (weights above).</summary>
internal sealed record WeightedWords(IReadOnlyList<string> Strong, IReadOnlyList<string> Medium, IReadOnlyList<string> Weak);
