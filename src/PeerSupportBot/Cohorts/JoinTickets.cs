using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Cohorts;

/// <summary>
/// A join that was allowed (right code, or the invitation posted in this chat) but not yet
/// consented to. The ticket travels in the consent card and is redeemed once; it holds the cohort
/// only, nothing about the person, since nothing about them may be stored before they consent.
/// JoinTickets: PartitionKey = ticket id, RowKey = "ticket".
/// </summary>
internal sealed class JoinTickets(Tables tables, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private const string TableName = "JoinTickets";
    private const string Row = "ticket";

    public async Task<string> IssueAsync(string cohortId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var ticket = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await table.AddEntityAsync(new TableEntity(ticket, Row) { ["CohortId"] = cohortId, ["ExpiresAt"] = time.GetUtcNow() + Lifetime }, cancellationToken);
        return ticket;
    }

    /// <summary>True when the ticket is valid for the cohort; a ticket works as long as it has not expired.</summary>
    public async Task<bool> IsValidAsync(string? ticket, string cohortId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(ticket) || TableKeys.Encode(ticket) != ticket)
        {
            return false;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(ticket, Row, cancellationToken: cancellationToken);
        return entity.HasValue
            && entity.Value!.GetString("CohortId") == cohortId
            && entity.Value.GetDateTimeOffset("ExpiresAt") > time.GetUtcNow();
    }

    public async Task RedeemAsync(string ticket, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.DeleteEntityAsync(ticket, Row, ETag.All, cancellationToken);
    }
}
