using Microsoft.Extensions.Localization;
using PeerSupportBot.Outbox;

namespace PeerSupportBot.Cohorts;

/// <summary>
/// What a member is told when a trainer removes them or deletes the cohort. The notice names the
/// cohort; its name travels sealed in the message, because the cohort may be gone when it is posted.
/// </summary>
internal sealed class CohortNotices(IStringLocalizer<CohortText> text) : IOutboxComposer
{
    public const string Kind = "cohort-notice";
    public const string Removed = "RemovedNotice";
    public const string Deleted = "CohortDeletedNotice";

    public static OutboxMessage To(string personKey, string notice) => new(OutboxMessage.NewId(), Kind, personKey, Variant: notice);

    public Task<OutboxPost?> ComposeAsync(OutboxMessage message, string? unsealedText, CancellationToken cancellationToken) =>
        Task.FromResult<OutboxPost?>(message.Variant is Removed or Deleted
            ? OutboxPost.Text(() => text[message.Variant, unsealedText ?? "?"])
            : null);
}
