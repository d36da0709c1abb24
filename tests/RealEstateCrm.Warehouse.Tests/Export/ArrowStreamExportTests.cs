using Apache.Arrow;
using Apache.Arrow.Ipc;
using DuckDB.NET.Data;
using RealEstateCrm.Warehouse.Export;

namespace RealEstateCrm.Warehouse.Tests.Export;

/// <summary>The Arrow IPC stream, read back with Apache.Arrow's own reader as an API client would.</summary>
public sealed class ArrowStreamExportTests : TempWarehouseTest
{
    protected override async Task FillAsync()
    {
        await Database.ExecuteAsync("""
            INSERT INTO fact_sale
            SELECT ('00000000-0000-7000-8000-' || lpad(i::VARCHAR, 12, '0'))::UUID, 'HT-' || i, 20260301 + i % 28, NULL, NULL, 1, NULL, NULL,
                   CASE WHEN i % 2 = 0 THEN '按揭 Mortgage' ELSE '一次性 Full payment' END, 'Signed',
                   1000000 + i, i % 1000, 1000000 + i - i % 1000, 89.50, TIMESTAMP '2026-03-01 10:00:00' + i * INTERVAL 1 MINUTE
            FROM range(5000) t(i)
            """, Ct);
    }

    [Fact]
    public async Task A_result_larger_than_one_batch_reads_back_row_for_row()
    {
        using var stream = new MemoryStream();
        var written = await ArrowStreamExport.WriteAsync(Database,
            "SELECT contract_no, payment_method, final_price, signed_at FROM fact_sale WHERE list_price >= $min ORDER BY contract_id",
            [new DuckDBParameter("min", 1000100m)], stream, Ct);
        stream.Position = 0;

        using var reader = new ArrowStreamReader(stream);
        var batches = 0;
        long rows = 0;
        decimal total = 0;
        var mortgages = 0;
        while (await reader.ReadNextRecordBatchAsync(Ct) is { } batch)
        {
            using (batch)
            {
                batches++;
                rows += batch.Length;
                var prices = (Decimal128Array)batch.Column("final_price");
                var methods = (StringArray)batch.Column("payment_method");
                for (var i = 0; i < batch.Length; i++)
                {
                    total += prices.GetValue(i)!.Value;
                    if (methods.GetString(i) == "按揭 Mortgage") mortgages++;
                }
            }
        }

        Assert.Equal(["contract_no", "payment_method", "final_price", "signed_at"], reader.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal(4900, written);
        Assert.Equal(4900, rows);
        Assert.True(batches > 1, $"expected several batches, got {batches}");
        Assert.Equal((decimal)(await Database.ScalarAsync("SELECT sum(final_price) FROM fact_sale WHERE list_price >= 1000100", Ct))!, total);
        Assert.Equal(2450, mortgages);
    }

    [Fact]
    public async Task An_empty_result_still_carries_its_schema()
    {
        using var stream = new MemoryStream();
        var written = await ArrowStreamExport.WriteAsync(Database, "SELECT contract_no, area FROM fact_sale WHERE false", [], stream, Ct);
        stream.Position = 0;

        using var reader = new ArrowStreamReader(stream);
        var first = await reader.ReadNextRecordBatchAsync(Ct);

        Assert.Equal(0, written);
        Assert.Equal(["contract_no", "area"], reader.Schema.FieldsList.Select(f => f.Name));
        Assert.True(first is null || first.Length == 0);
    }
}
