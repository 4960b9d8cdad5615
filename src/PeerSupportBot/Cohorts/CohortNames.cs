using Microsoft.Extensions.Localization;

namespace PeerSupportBot.Cohorts;

internal static class CohortNames
{
    /// <summary>The cleaned name, or the localized reason it cannot be used.</summary>
    public static (string? Name, string? Refusal) Check(string? typed, IStringLocalizer<CohortText> text)
    {
        var name = string.Join(' ', (typed ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length == 0)
        {
            return (null, text["NameEmpty"]);
        }

        return name.Length > CohortOptions.MaxNameLength
            ? (null, text["NameTooLong", CohortOptions.MaxNameLength])
            : (name, null);
    }
}
