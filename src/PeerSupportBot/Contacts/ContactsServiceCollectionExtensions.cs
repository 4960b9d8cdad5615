namespace PeerSupportBot.Contacts;

internal static class ContactsServiceCollectionExtensions
{
    /// <summary>How people are reached: their contact links, kept current, and their names.</summary>
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddSingleton<ContactStore>();
        services.AddSingleton<ConfirmedContacts>();
        services.AddScoped<ContactRefresher>();
        services.AddSingleton<PersonNames>();
        return services;
    }
}
