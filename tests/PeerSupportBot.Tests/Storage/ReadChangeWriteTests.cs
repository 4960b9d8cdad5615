using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Storage;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Storage;

/// <summary>
/// Optimistic concurrency, once: a write that lost re-reads and decides again, a bounded number of
/// times. The rules with a counter that loses on cue, then the ETags of a real table in Azurite.
/// </summary>
public sealed class ReadChangeWriteTests
{
    [Fact]
    public async Task A_lost_write_reads_again_and_decides_on_what_the_other_writer_wrote()
    {
        var row = new VersionedRow(value: 10, rivalWritesBeforeTheNextWrites: 2);

        var written = await ReadChangeWrite.RunAsync(async _ =>
        {
            var (value, version) = row.Read();
            return await Task.FromResult(row.TryWrite(value + 1, version) ? WriteAttempt<int>.Settled(value + 1) : WriteAttempt<int>.Lost());
        }, keptLosing: () => -1, CancellationToken.None);

        // Two rivals added 100 each; the third attempt added one on top of both.
        Assert.Equal(211, written);
        Assert.Equal(211, row.Value);
        Assert.Equal(3, row.Reads);
    }

    [Fact]
    public async Task A_row_that_keeps_changing_is_given_up_after_the_bound_and_nothing_is_written()
    {
        var row = new VersionedRow(value: 10, rivalWritesBeforeTheNextWrites: int.MaxValue);

        var written = await ReadChangeWrite.RunAsync(async _ =>
        {
            var (value, version) = row.Read();
            return await Task.FromResult(row.TryWrite(value + 1, version) ? WriteAttempt<int>.Settled(value + 1) : WriteAttempt<int>.Lost());
        }, keptLosing: () => -1, CancellationToken.None);

        Assert.Equal(-1, written);
        Assert.Equal(ReadChangeWrite.MaxAttempts, row.Reads);
        Assert.Equal(0, row.OwnWrites);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    public async Task A_conditional_write_refused_by_storage_counts_as_overtaken(int status)
    {
        var attempts = 0;

        var result = await ReadChangeWrite.RunAsync<string>(_ =>
            ++attempts == 1 ? throw new RequestFailedException(status, "overtaken") : Task.FromResult(WriteAttempt<string>.Settled("second")),
            keptLosing: () => "gave up", CancellationToken.None);

        Assert.Equal("second", result);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Any_other_storage_failure_is_not_retried_here()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<RequestFailedException>(() => ReadChangeWrite.RunAsync<string>(_ =>
        {
            attempts++;
            throw new RequestFailedException(503, "unavailable");
        }, keptLosing: () => "gave up", CancellationToken.None));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Against_a_real_table_a_write_between_the_read_and_the_write_is_kept_and_the_change_applied_on_top()
    {
        var table = new TableServiceClient(Azurite.ConnectionString).GetTableClient("ReadChangeWrite" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Count"] = 1 });
        var changes = 0;

        var changed = await table.ChangeAsync("p", "r", existing =>
        {
            if (++changes == 1)
            {
                // Another instance counts between this read and this write: this write must lose and read again.
                table.UpsertEntity(new TableEntity("p", "r") { ["Count"] = 5 }, TableUpdateMode.Replace);
            }

            return new TableEntity { ["Count"] = (existing?.GetInt32("Count") ?? 0) + 1 };
        }, CancellationToken.None);

        Assert.True(changed);
        Assert.Equal(2, changes);
        Assert.Equal(6, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("Count"));
        await table.DeleteAsync();
    }

    /// <summary>A row with a version; a rival writes to it after each read, as many times as told.</summary>
    private sealed class VersionedRow(int value, int rivalWritesBeforeTheNextWrites)
    {
        private int _version;
        private int _rivalWritesLeft = rivalWritesBeforeTheNextWrites;

        public int Value { get; private set; } = value;

        public int Reads { get; private set; }

        public int OwnWrites { get; private set; }

        public (int Value, int Version) Read()
        {
            Reads++;
            var read = (Value, _version);
            if (_rivalWritesLeft-- > 0)
            {
                (Value, _version) = (Value + 100, _version + 1);
            }

            return read;
        }

        public bool TryWrite(int newValue, int readVersion)
        {
            if (readVersion != _version)
            {
                return false;
            }

            (Value, _version, OwnWrites) = (newValue, _version + 1, OwnWrites + 1);
            return true;
        }
    }
}
