namespace PeerSupportBot.Topics;

/// <summary>
/// The fixed taxonomy members offer help in, drawn from what supervisors bring to peer support
/// (../shared/DOMAIN.md). Ids are stable: they are stored with consent and must not be renamed.
/// </summary>
internal static class TopicCatalog
{
    public static readonly IReadOnlyList<Topic> All =
    [
        new("change-management", "Muutosjohtaminen", "Change management"),
        new("culture-change", "Toimintakulttuurin muutos", "Changing the work culture"),
        new("change-negotiations", "Muutosneuvottelut ja irtisanomiset", "Change negotiations and lay-offs"),
        new("difficult-conversations", "Vaikeat keskustelut ja ristiriidat", "Difficult conversations and conflicts"),
        new("development-discussions", "Kehityskeskustelut", "Performance and development discussions"),
        new("colleague-to-supervisor", "Työkaverista esihenkilöksi", "From colleague to supervisor"),
        new("remote-leadership", "Etätyö ja etäjohtaminen", "Remote work and remote leadership"),
        new("self-directed-teams", "Itseohjautuvat tiimit", "Self-directed teams"),
        new("wellbeing", "Työhyvinvointi ja jaksaminen", "Wellbeing at work and coping"),
        new("high-pressure", "Paineistetut ja vaativat tilanteet", "High-pressure and demanding situations"),
        new("sick-leave", "Sairauspoissaolot ja varhainen tuki", "Sick leave and early support"),
        new("recruiting-onboarding", "Rekrytointi ja perehdytys", "Recruiting and onboarding"),
        new("time-management", "Ajankäyttö", "Time management"),
        new("shop-stewards", "Luottamushenkilöt ja neuvottelut", "Shop stewards and negotiations"),
        new("customer-work", "Asiakastyön laatu", "Quality of customer work"),
    ];

    private static readonly Dictionary<string, Topic> ById = All.ToDictionary(topic => topic.Id, StringComparer.Ordinal);

    public static Topic? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>Keeps the known ids of <paramref name="ids"/>, in catalog order, without duplicates.</summary>
    public static IReadOnlyList<string> Known(IEnumerable<string> ids)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        return [.. All.Where(topic => wanted.Contains(topic.Id)).Select(topic => topic.Id)];
    }
}
