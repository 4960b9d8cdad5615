using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Contacts;
using PeerSupportBot.Outbox;
using PeerSupportBot.Storage;

namespace PeerSupportBot.HelpRequests;

/// <summary>
/// HelpRequests: PartitionKey = request id; RowKey "request" for the request, "helper|{person key}"
/// for each colleague asked. One partition holds one request, so reading a request with all its
/// helpers is one query. PersonRequests (PartitionKey = person key, RowKey = request id) finds a
/// person's requests when they are forgotten. Rows hold ids, topics, statuses and times: names are
/// looked up from the people's own consented records, and what the asker wrote is never here.
/// </summary>
internal sealed class HelpRequestStore(Tables tables, PersonNames names, DeliveryRecords deliveries)
{
    private const string TableName = "HelpRequests";
    private const string IndexTable = "PersonRequests";
    private const string RequestRow = "request";
    private const string HelperPrefix = "helper|";

    public async Task<HelpRequest> CreateAsync(HelpRequest request, IReadOnlyList<(string Key, string Name)> helpers, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var index = await tables.GetAsync(IndexTable, cancellationToken);
        var batch = new List<TableTransactionAction> { new(TableTransactionActionType.Add, ToEntity(request)) };
        batch.AddRange(helpers.Select(helper => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(request.Id, HelperPrefix + TableKeys.Encode(helper.Key))
        {
            ["HelperKey"] = helper.Key,
            ["Status"] = nameof(HelperStatus.Pending),
        })));
        var responses = await table.SubmitTransactionAsync(batch, cancellationToken);
        foreach (var person in helpers.Select(helper => helper.Key).Append(request.AskerKey))
        {
            await index.UpsertEntityAsync(new TableEntity(TableKeys.Encode(person), request.Id), TableUpdateMode.Replace, cancellationToken);
        }

        return request with { Version = responses.Value[0].Headers.ETag?.ToString() ?? "" };
    }

    public async Task<HelpRequest?> FindAsync(string? requestId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(requestId) || TableKeys.Encode(requestId) != requestId)
        {
            return null;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(requestId, RequestRow, cancellationToken: cancellationToken);
        return entity.HasValue
            ? ToRequest(entity.Value!) with { AskerName = await names.OfAsync(entity.Value!.GetString("AskerKey") ?? "", cancellationToken) }
            : null;
    }

    public async Task<IReadOnlyList<HelperAssignment>> HelpersAsync(string requestId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {requestId} and RowKey ge {HelperPrefix} and RowKey lt {HelperPrefix + "~"}");
        var result = new List<HelperAssignment>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(new HelperAssignment(
                requestId,
                entity.GetString("HelperKey") ?? "",
                await names.OfAsync(entity.GetString("HelperKey") ?? "", cancellationToken),
                Enum.TryParse<HelperStatus>(entity.GetString("Status"), out var status) ? status : HelperStatus.Pending,
                entity.GetString("ServiceUrl"),
                entity.GetString("ConversationId"),
                entity.GetString("ActivityId"),
                entity.ETag.ToString()));
        }

        return result;
    }

    /// <summary>Writes the request if nobody changed it since it was read; null when someone did (another click, another instance).</summary>
    public async Task<HelpRequest?> TryUpdateAsync(HelpRequest request, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            var response = await table.UpdateEntityAsync(ToEntity(request), new ETag(request.Version), TableUpdateMode.Replace, cancellationToken);
            return request with { Version = response.Headers.ETag?.ToString() ?? "" };
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<HelperAssignment?> TryUpdateHelperAsync(HelperAssignment helper, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            var response = await table.UpdateEntityAsync(ToEntity(helper), new ETag(helper.Version), TableUpdateMode.Replace, cancellationToken);
            return helper with { Version = response.Headers.ETag?.ToString() ?? "" };
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes a step of the request's life in one transaction: the request row, always, so two
    /// steps taken at once on one request cannot both pass, and the helper rows it changed, each
    /// conditional on what was read. Throws 412 when someone wrote first (see ReadChangeWrite).
    /// </summary>
    public async Task SaveAsync(RequestState read, RequestState changed, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        List<TableTransactionAction> batch = [new(TableTransactionActionType.UpdateReplace, ToEntity(changed.Request), new ETag(read.Request.Version))];
        batch.AddRange(changed.Helpers
            .Where(helper => !read.Helpers.Contains(helper))
            .Select(helper => new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(helper), new ETag(helper.Version))));
        await table.SubmitTransactionAsync(batch, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> RequestIdsOfAsync(string personKey, CancellationToken cancellationToken)
    {
        var index = await tables.GetAsync(IndexTable, cancellationToken);
        var ids = new List<string>();
        await foreach (var entity in index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(personKey)}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(entity.RowKey);
        }

        return ids;
    }

    /// <summary>Deletes the request, its helper rows, its index rows and the records of its posts.</summary>
    public async Task DeleteAsync(string requestId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var index = await tables.GetAsync(IndexTable, cancellationToken);
        var request = await FindAsync(requestId, cancellationToken);
        foreach (var helper in await HelpersAsync(requestId, cancellationToken))
        {
            await index.DeleteEntityAsync(TableKeys.Encode(helper.HelperKey), requestId, ETag.All, cancellationToken);
            await table.DeleteEntityAsync(requestId, HelperPrefix + TableKeys.Encode(helper.HelperKey), ETag.All, cancellationToken);
        }

        if (request is not null)
        {
            await index.DeleteEntityAsync(TableKeys.Encode(request.AskerKey), requestId, ETag.All, cancellationToken);
        }

        await table.DeleteEntityAsync(requestId, RequestRow, ETag.All, cancellationToken);
        await deliveries.DeleteForRequestAsync(requestId, cancellationToken);
    }

    private static TableEntity ToEntity(HelpRequest request) => new(request.Id, RequestRow)
    {
        ["AskerKey"] = request.AskerKey,
        ["Topics"] = TableValues.Join(request.Topics),
        ["Urgency"] = request.Urgency.ToString(),
        ["Status"] = request.Status.ToString(),
        ["CreatedAt"] = request.CreatedAt,
        ["ExpiresAt"] = request.ExpiresAt,
        ["ClosedAt"] = request.ClosedAt,
        ["AcceptedBy"] = request.AcceptedBy,
        ["AskerLocale"] = request.AskerLocale,
        ["AskerGaveFeedback"] = request.AskerGaveFeedback,
        ["HelperGaveFeedback"] = request.HelperGaveFeedback,
    };

    private static TableEntity ToEntity(HelperAssignment helper) => new(helper.RequestId, HelperPrefix + TableKeys.Encode(helper.HelperKey))
    {
        ["HelperKey"] = helper.HelperKey,
        ["Status"] = helper.Status.ToString(),
        ["ServiceUrl"] = helper.ServiceUrl,
        ["ConversationId"] = helper.ConversationId,
        ["ActivityId"] = helper.ActivityId,
    };

    private static HelpRequest ToRequest(TableEntity entity) => new(
        entity.PartitionKey,
        entity.GetString("AskerKey") ?? "",
        "",
        TableValues.Split(entity.GetString("Topics")),
        Enum.TryParse<Urgency>(entity.GetString("Urgency"), out var urgency) ? urgency : Urgency.ThisWeek,
        Enum.TryParse<RequestStatus>(entity.GetString("Status"), out var status) ? status : RequestStatus.Open,
        entity.GetDateTimeOffset("CreatedAt") ?? default,
        entity.GetDateTimeOffset("ExpiresAt") ?? default,
        entity.GetDateTimeOffset("ClosedAt"),
        entity.GetString("AcceptedBy"),
        entity.ETag.ToString())
    {
        AskerLocale = entity.GetString("AskerLocale") ?? "fi",
        AskerGaveFeedback = entity.GetBoolean("AskerGaveFeedback") ?? false,
        HelperGaveFeedback = entity.GetBoolean("HelperGaveFeedback") ?? false,
    };
}
