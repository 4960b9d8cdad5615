using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Contacts;
using PeerSupportBot.Outbox;
using PeerSupportBot.Storage;

namespace PeerSupportBot.HelpRequests;

/// <summary>
/// HelpRequests: PartitionKey = request id; RowKey "request" for the request, "helper|{person key}"
/// for each colleague asked, "contact|{person key}" for the contact links the request needs (the
/// asker's and each helper's, copied when it is sent). One partition holds one request, written as
/// one entity group transaction, read with one query and deleted with one. Rows hold ids, topics,
/// statuses, times and contact links: names are looked up from the people's own consented
/// records, and what the asker wrote is never here. A person's requests are found, when they
/// are forgotten, by a query on AskerKey and HelperKey: rare, so no index row is written per ask.
/// </summary>
internal sealed class HelpRequestStore(Tables tables, PersonNames names, ContactStore contacts, DeliveryRecords deliveries)
{
    private const string TableName = "HelpRequests";
    private const string RequestRow = "request";
    private const string HelperPrefix = "helper|";
    private const string ContactPrefix = "contact|";

    public async Task<HelpRequest> CreateAsync(HelpRequest request, IReadOnlyList<(string Key, string Name)> helpers, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var people = helpers.Select(helper => helper.Key).Prepend(request.AskerKey).Distinct(StringComparer.Ordinal).ToList();
        var links = await Task.WhenAll(people.Select(person => contacts.FindAsync(person, cancellationToken)));
        var batch = new List<TableTransactionAction> { new(TableTransactionActionType.Add, ToEntity(request)) };
        batch.AddRange(helpers.Select(helper => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(request.Id, HelperPrefix + TableKeys.Encode(helper.Key))
        {
            ["HelperKey"] = helper.Key,
            ["Status"] = nameof(HelperStatus.Pending),
        })));
        batch.AddRange(links.OfType<ContactLink>().Select(link => new TableTransactionAction(TableTransactionActionType.Add, ContactEntity(request.Id, link))));
        var responses = await table.SubmitTransactionAsync(batch, cancellationToken);
        return request with { Version = responses.Value[0].Headers.ETag?.ToString() ?? "" };
    }

    /// <summary>The contact links copied into the request when it was sent, by person key.</summary>
    public async Task<IReadOnlyDictionary<string, ContactLink>> ContactLinksAsync(string requestId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var links = new Dictionary<string, ContactLink>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(RangeFilter(requestId, ContactPrefix), cancellationToken: cancellationToken))
        {
            var key = row.GetString("PersonKey") ?? "";
            links[key] = new ContactLink(key, row.GetString("ServiceUrl") ?? "", row.GetString("TenantId"), row.GetString("BotId") ?? "", row.GetString("UserId") ?? "",
                row.GetString("ConversationId"), row.GetString("UserPrincipalName"), false, row.GetDateTimeOffset("UpdatedAt") ?? default);
        }

        return links;
    }

    /// <summary>The links come from the request's own partition; a request sent before it held them reads the people's contacts.</summary>
    public async Task<Introduction> IntroductionAsync(HelpRequest request, HelperAssignment helper, CancellationToken cancellationToken)
    {
        var links = ContactLinksAsync(request.Id, cancellationToken);
        var askerName = names.OfAsync(request.AskerKey, cancellationToken);
        var helperName = names.OfAsync(helper.HelperKey, cancellationToken);
        async Task<string?> UpnAsync(string key) =>
            (await links).TryGetValue(key, out var link) ? link.UserPrincipalName : (await contacts.FindAsync(key, cancellationToken))?.UserPrincipalName;
        return new(request.Id, await askerName, await UpnAsync(request.AskerKey), await helperName, await UpnAsync(helper.HelperKey), request.Topics);
    }

    public async Task<HelpRequest?> FindAsync(string? requestId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(requestId) || TableKeys.Encode(requestId) != requestId)
        {
            return null;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(requestId, RequestRow, cancellationToken: cancellationToken);
        return entity.HasValue ? ToRequest(entity.Value!) : null;
    }

    public async Task<IReadOnlyList<HelperAssignment>> HelpersAsync(string requestId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = RangeFilter(requestId, HelperPrefix);
        var result = new List<HelperAssignment>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(new HelperAssignment(
                requestId,
                entity.GetString("HelperKey") ?? "",
                Enum.TryParse<HelperStatus>(entity.GetString("Status"), out var status) ? status : HelperStatus.Pending,
                entity.GetString("ServiceUrl"),
                entity.GetString("ConversationId"),
                entity.GetString("ActivityId")));
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

    /// <summary>
    /// Where the helper's card went: a merge of the location alone, so whatever changed the helper's
    /// status meanwhile stays; nothing when the request is gone.
    /// </summary>
    public async Task RecordCardAsync(string requestId, string helperKey, SentCard sent, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(new TableEntity(requestId, HelperPrefix + TableKeys.Encode(helperKey))
            {
                ["ServiceUrl"] = sent.ServiceUrl,
                ["ConversationId"] = sent.ConversationId,
                ["ActivityId"] = sent.ActivityId,
            }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
        }
    }

    /// <summary>
    /// Writes a step of the request's life in one entity group transaction: the request row,
    /// always and conditional on what was read, so two steps taken at once on one request cannot
    /// both pass; and the helpers whose status it changed, as a merge of the status alone, so
    /// where each card is stays. Throws 412 when someone wrote first (see ReadChangeWrite).
    /// </summary>
    public async Task SaveAsync(RequestState read, RequestState changed, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        List<TableTransactionAction> batch = [new(TableTransactionActionType.UpdateReplace, ToEntity(changed.Request), new ETag(read.Request.Version))];
        batch.AddRange(changed.Helpers
            .Where(helper => read.Helper(helper.HelperKey)?.Status != helper.Status)
            .Select(helper => new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(changed.Request.Id, HelperPrefix + TableKeys.Encode(helper.HelperKey))
            {
                ["Status"] = helper.Status.ToString(),
            }, ETag.All)));
        await table.SubmitTransactionAsync(batch, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> RequestIdsOfAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"AskerKey eq {personKey} or HelperKey eq {personKey}"), select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            ids.Add(entity.PartitionKey);
        }

        return [.. ids];
    }

    /// <summary>Deletes the request's partition (request, helpers, contact links) in one transaction, and the records of its posts unless told to keep them.</summary>
    public async Task DeleteAsync(string requestId, CancellationToken cancellationToken, bool withDeliveryRecords = true)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var rows = new List<TableTransactionAction>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {requestId}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
        }

        foreach (var chunk in rows.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk, cancellationToken);
        }

        if (withDeliveryRecords)
        {
            await deliveries.DeleteForRequestAsync(requestId, cancellationToken);
        }
    }

    private static TableEntity ContactEntity(string requestId, ContactLink link) => new(requestId, ContactPrefix + TableKeys.Encode(link.PersonKey))
    {
        ["PersonKey"] = link.PersonKey,
        ["ServiceUrl"] = link.ServiceUrl,
        ["TenantId"] = link.TenantId,
        ["BotId"] = link.BotId,
        ["UserId"] = link.UserId,
        ["ConversationId"] = link.ConversationId,
        ["UserPrincipalName"] = link.UserPrincipalName,
        ["UpdatedAt"] = link.UpdatedAt,
    };

    private static string RangeFilter(string requestId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {requestId} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");

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

    private static HelpRequest ToRequest(TableEntity entity) => new(
        entity.PartitionKey,
        entity.GetString("AskerKey") ?? "",
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
