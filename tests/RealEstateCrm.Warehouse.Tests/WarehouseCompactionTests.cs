using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Warehouse.Tests;

public sealed class WarehouseCompactionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-warehouse-compaction-").FullName;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string FilePath => Path.Combine(_folder, "warehouse.duckdb");

    [Fact]
    public async Task A_load_leaves_its_deleted_rows_stored_until_a_compaction_in_a_later_process_reclaims_them()
    {
        await using (var warehouse = await WarehouseDatabase.OpenAsync(FilePath, ct: Ct))
        {
            await warehouse.ExecuteAsync("CREATE TABLE probe AS SELECT range AS id FROM range(10000)", Ct);
            await warehouse.ExecuteAsync("CHECKPOINT", Ct);
            // As a load replaces its changed rows: deleted, inserted again, and the commit's checkpoint.
            await warehouse.ExecuteAsync("DELETE FROM probe WHERE id < 8000", Ct);
            await warehouse.ExecuteAsync("INSERT INTO probe SELECT range FROM range(8000)", Ct);
            await warehouse.ExecuteAsync("FORCE CHECKPOINT", Ct);

            Assert.Equal(18000, await StoredRowsAsync(warehouse));
            Assert.Null(await warehouse.LastCompactedAsync(Ct));
        }
        await using var reopened = await WarehouseDatabase.OpenAsync(FilePath, ct: Ct);
        var at = new DateTime(2026, 11, 29, 19, 0, 0, DateTimeKind.Utc);

        var (before, after) = await reopened.CompactAsync("on demand", at, Ct);

        Assert.Equal(10000, await StoredRowsAsync(reopened));
        Assert.Equal(8000, before - after);
        Assert.Equal(10000L, await reopened.ScalarAsync("SELECT count(DISTINCT id) FROM probe", Ct));
        Assert.Equal(at, await reopened.LastCompactedAsync(Ct));
        Assert.Equal("on demand", await reopened.ScalarAsync("SELECT reason FROM warehouse_compaction", Ct));
        // The loads after it leave their deleted rows stored again.
        await reopened.ExecuteAsync("DELETE FROM probe WHERE id < 8000", Ct);
        await reopened.ExecuteAsync("INSERT INTO probe SELECT range FROM range(8000)", Ct);
        await reopened.ExecuteAsync("FORCE CHECKPOINT", Ct);
        Assert.Equal(18000, await StoredRowsAsync(reopened));
    }

    // The values of the table's one column, segment by segment (pragma_storage_info lists its validity segments too).
    private static async Task<long> StoredRowsAsync(WarehouseDatabase warehouse) =>
        Convert.ToInt64(await warehouse.ScalarAsync("SELECT sum(count)::BIGINT FROM pragma_storage_info('probe') WHERE column_path = '[0]'", Ct));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
