using PeerSupportBot.Asking;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;
using PeerSupportBot.Matching;
using PeerSupportBot.Outbox;

namespace PeerSupportBot.HelpRequests;

internal static class HelpRequestsServiceCollectionExtensions
{
    /// <summary>Asking, matching and the request lifecycle, with the sweep that keeps deadlines.</summary>
    public static IServiceCollection AddHelpRequests(this IServiceCollection services)
    {
        services.AddOptions<HelpRequestOptions>().BindConfiguration(HelpRequestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TopicDetector>();
        services.AddSingleton<HelperLoadStore>();
        services.AddSingleton<PairHistory>();
        services.AddSingleton<PersonNames>();
        services.AddSingleton<HelpRequestStore>();
        services.AddSingleton<Deadlines>();
        services.AddScoped<Matcher>();
        services.AddScoped<AskCards>();
        services.AddScoped<AskStarter>();
        services.AddSingleton<AskThrottle>();
        services.AddScoped<HelpRequestCards>();
        services.AddScoped<HelpRequestService>();
        services.AddOutboxComposer<RequestCardComposer>(HelpRequestPosts.Request);
        services.AddOutboxComposer<HelperCardComposer>(HelpRequestPosts.HelperCard);
        services.AddOutboxComposer<IntroductionComposer>(HelpRequestPosts.Introduction);
        services.AddOutboxComposer<NextCandidatesComposer>(HelpRequestPosts.NextCandidates);
        services.AddOutboxComposer<DidItHelpComposer>(HelpRequestPosts.DidItHelp);
        services.AddOutboxComposer<OtherSideLeftComposer>(HelpRequestPosts.OtherSideLeft);
        services.AddScoped<FollowUps>();
        services.AddScoped<DeadlineSweep>();
        services.AddHostedService<DeadlineSweepService>();

        services.AddBotCommand<AskCommand, AskText>("kysy", "ask", "AskDescription");
        services.AddCardAction<SendAskAction>(AskVerbs.Send);
        services.AddCardAction<SendAskAction>(AskVerbs.SendAll);
        services.AddCardAction<RefreshAskAction>(AskVerbs.Refresh, answersRefresh: true);
        services.AddCardAction<DiscardAskAction>(AskVerbs.Discard);
        services.AddCardAction<AcceptAction>(HelpRequestVerbs.Accept);
        services.AddCardAction<DeclineAction>(HelpRequestVerbs.Decline);
        services.AddCardAction<CancelAction>(HelpRequestVerbs.Cancel);
        services.AddCardAction<FeedbackAction>(HelpRequestVerbs.Feedback);
        return services;
    }
}
