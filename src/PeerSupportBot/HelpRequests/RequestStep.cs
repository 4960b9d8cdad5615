using PeerSupportBot.Outbox;

namespace PeerSupportBot.HelpRequests;

/// <summary>A request and everyone asked in it, as read together from its partition.</summary>
internal sealed record RequestState(HelpRequest Request, IReadOnlyList<HelperAssignment> Helpers)
{
    public HelperAssignment? Helper(string personKey) => Helpers.FirstOrDefault(helper => helper.HelperKey == personKey);
}

/// <summary>
/// What one press or deadline did to a request: the state to store (written together and only if
/// nobody changed the request since it was read), what must follow, and what the presser is answered.
/// </summary>
/// <param name="After">The state once stored; null when the request is unknown.</param>
/// <param name="Changed">False when nothing is to be written.</param>
internal sealed record RequestStep(RequestAnswer Answer, RequestState? After, bool Changed, IReadOnlyList<RequestEffect> Effects)
{
    public static RequestStep Unknown { get; } = new(RequestAnswer.NotYours, null, false, []);

    /// <summary>Every attempt was overtaken by another writer; nothing of this step was stored.</summary>
    public static RequestStep KeptLosing { get; } = new(RequestAnswer.TryAgain, null, false, []);

    public static RequestStep Unchanged(RequestAnswer answer, RequestState state) => new(answer, state, false, []);
}

/// <summary>What the person who pressed is shown.</summary>
internal enum RequestAnswer
{
    /// <summary>The request is unknown, or was not sent to (or by) the presser.</summary>
    NotYours,
    Introduction,
    AlreadyHelped,
    DeclineAcknowledged,
    Cancelled,
    NotOpen,
    TryAgain,

    /// <summary>A deadline or a delivery, not a press: nobody to answer.</summary>
    None,
}

/// <summary>What must happen once a step is stored: cards to update, people to tell, things to do later.</summary>
internal abstract record RequestEffect;

/// <summary>A helper's request card is replaced by <paramref name="Variant"/> (<see cref="HelperCardVariants"/>).</summary>
internal sealed record UpdateHelperCard(string HelperKey, string Variant, CardLocation Card) : RequestEffect;

/// <summary>The asker gets the introduction to the helper who accepted.</summary>
internal sealed record IntroduceAsker : RequestEffect;

/// <summary>The asker is offered the next colleagues, never told who declined.</summary>
/// <param name="Unreachable">For <see cref="NextReason.SomeUnreachable"/>: whose card could not be delivered, so each such offer is its own.</param>
internal sealed record OfferOthersToAsker(Asking.NextReason Reason, string? Unreachable = null) : RequestEffect;

/// <summary>The asker's helper asked to be forgotten; the asker is told neutrally.</summary>
internal sealed record TellAskerTheOtherSideLeft : RequestEffect;

/// <summary>The pair's history: this helper helped this asker.</summary>
internal sealed record RecordHelp(string AskerKey, string HelperKey) : RequestEffect;

/// <summary>Something due later, kept in storage so a restart loses nothing.</summary>
internal sealed record Schedule(DeadlineKind Kind, DateTimeOffset Due) : RequestEffect;
