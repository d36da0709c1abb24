using System.Globalization;

namespace RealEstateCrm.Warehouse.Tests;

/// <summary>Schema 008 stores dim_customer's and dim_unit's operational ids (and the customer's rep) uncompressed (DuckDB's bitpacking of them made
/// every scan slower): in a warehouse made before it, the rebuild keeps every row.</summary>
public sealed class DimensionIdStorageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-warehouse-test-").FullName;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string FilePath => Path.Combine(_folder, "warehouse.duckdb");

    // Ids in id order, as the loads write them: what DuckDB chose to bitpack.
    private const string Customers = """
        INSERT INTO dim_customer
        SELECT row_number() OVER (ORDER BY id), id, 'C' || i, '客户' || i, 'Person', 'Female', 1980, 3, 'A', '上海市', 'High', rep,
               TIMESTAMP '1900-01-01', TIMESTAMP '9999-12-31', true
        FROM (SELECT uuidv7() AS id, i FROM range(200000) t(i))
        -- One of 40 reps each.
        JOIN (SELECT uuidv7() AS rep, r FROM range(40) t(r)) ON r = i % 40
        ORDER BY id
        """;

    private const string Units = """
        INSERT INTO dim_unit
        SELECT row_number() OVER (ORDER BY id), id, uuidv7(), uuidv7(), i::VARCHAR, 1, 1, '3室2厅', 3, 98.5, '南', 1500000, 'Available'
        FROM (SELECT uuidv7() AS id, i FROM range(200000) t(i)) ORDER BY id
        """;

    // Row count and a sum of the rows' hashes (each row taken whole) of both tables.
    private const string Contents = "SELECT (SELECT count(*) || ':' || sum(hash(c)) FROM dim_customer c) || '|' || (SELECT count(*) || ':' || sum(hash(u)) FROM dim_unit u)";

    [Fact]
    public async Task Customer_and_unit_ids_are_stored_uncompressed_also_in_a_warehouse_made_before_schema_8_which_keeps_its_rows()
    {
        string before;
        await using (var created = await WarehouseDatabase.OpenAsync(FilePath, ct: Ct))
        {
            // The tables as schema 7 left them: no compression chosen for any column.
            await created.ExecuteAsync("CREATE OR REPLACE TABLE dim_customer AS FROM dim_customer", Ct);
            await created.ExecuteAsync("CREATE OR REPLACE TABLE dim_unit AS FROM dim_unit", Ct);
            await created.ExecuteAsync(Customers, Ct);
            await created.ExecuteAsync(Units, Ct);
            await created.ExecuteAsync("DELETE FROM schema_version WHERE version >= 8", Ct);
            await created.ExecuteAsync("FORCE CHECKPOINT", Ct);
            Assert.Equal("BitPacking", await CompressionAsync(created, "dim_customer", "customer_id"));
            Assert.Equal("BitPacking", await CompressionAsync(created, "dim_unit", "unit_id"));
            before = (string)(await created.ScalarAsync(Contents, Ct))!;
        }

        await using var reopened = await WarehouseDatabase.OpenAsync(FilePath, ct: Ct);
        await reopened.ExecuteAsync("FORCE CHECKPOINT", Ct);

        Assert.Equal("Uncompressed", await CompressionAsync(reopened, "dim_customer", "customer_id"));
        Assert.Equal("Uncompressed", await CompressionAsync(reopened, "dim_customer", "assigned_rep_id"));
        Assert.Equal("Uncompressed", await CompressionAsync(reopened, "dim_unit", "unit_id"));
        Assert.Equal(before, await reopened.ScalarAsync(Contents, Ct));
        Assert.StartsWith("200000:", before);
    }

    // The compressions of the column's stored values, distinct, sorted, comma-separated.
    private static async Task<string?> CompressionAsync(WarehouseDatabase warehouse, string table, string column) =>
        Convert.ToString(await warehouse.ScalarAsync(
            $"SELECT string_agg(DISTINCT compression, ',' ORDER BY compression) FROM pragma_storage_info('{table}') WHERE column_name = '{column}' AND segment_type <> 'VALIDITY'", Ct),
            CultureInfo.InvariantCulture);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
