using PeerSupportBot.Asking;
using PeerSupportBot.Outbox;

namespace PeerSupportBot.HelpRequests;

/// <summary>
/// The posts a help request makes, as outbox messages: ids only, and an id that is the same for
/// the same effect, so an effect enqueued twice (two instances sweeping one deadline) is posted once.
/// </summary>
internal static class HelpRequestPosts
{
    public const string Request = "help-request";
    public const string HelperCard = "helper-card";
    public const string Introduction = "introduction";
    public const string NextCandidates = "next-candidates";
    public const string DidItHelp = "did-it-help";
    public const string OtherSideLeft = "other-side-left";

    /// <summary>The request card for one helper; what the asker chose to share travels sealed beside it.</summary>
    public static OutboxMessage RequestTo(string requestId, string helperKey) =>
        new(OutboxMessage.IdFor(Request, requestId, helperKey), Request, helperKey, requestId);

    /// <summary>Replaces a helper's request card with <paramref name="variant"/> (<see cref="HelperCardVariants"/>).</summary>
    public static OutboxMessage HelperCardUpdate(string requestId, string helperKey, string variant, CardLocation card) =>
        new(OutboxMessage.IdFor(HelperCard, requestId, helperKey, variant), HelperCard, helperKey, requestId, variant, card);

    public static OutboxMessage IntroductionTo(HelpRequest request) =>
        new(OutboxMessage.IdFor(Introduction, request.Id, request.AskerKey), Introduction, request.AskerKey, request.Id);

    /// <param name="cause">For <see cref="NextReason.SomeUnreachable"/>: the helper who could not be reached, so each such offer is its own.</param>
    public static OutboxMessage NextCandidatesFor(HelpRequest request, NextReason reason, string? cause = null) =>
        new(OutboxMessage.IdFor(NextCandidates, request.Id, request.AskerKey, reason + "|" + cause), NextCandidates, request.AskerKey, request.Id, reason.ToString());

    /// <param name="role">"asker" or "helper": whose "Did it help?" this is.</param>
    public static OutboxMessage DidItHelpTo(string requestId, string personKey, string role) =>
        new(OutboxMessage.IdFor(DidItHelp, requestId, personKey), DidItHelp, personKey, requestId, role);

    /// <summary>The asker's helper left (forget me). The request is deleted right after, so the message carries the asker's language.</summary>
    public static OutboxMessage OtherSideLeftTo(HelpRequest request) =>
        new(OutboxMessage.IdFor(OtherSideLeft, request.Id, request.AskerKey), OtherSideLeft, request.AskerKey, request.Id, request.AskerLocale);
}

/// <summary>What a helper's request card becomes when the request closes.</summary>
internal static class HelperCardVariants
{
    public const string AlreadyHelped = "already-helped";
    public const string NoLongerNeeded = "no-longer-needed";
    public const string Expired = "expired";
    public const string OtherSideLeft = "other-side-left";
}
