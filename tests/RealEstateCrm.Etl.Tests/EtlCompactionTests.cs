using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Etl.Tests;

/// <summary>The loads leave their deleted rows stored; a full load counts as a compaction, and the first nightly run a
/// week after the last one compacts the warehouse.</summary>
public sealed class EtlCompactionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_full_load_counts_as_a_compaction_and_the_first_nightly_run_a_week_later_compacts()
    {
        await using var bed = await EtlTestBed.Create(DatabaseProvider.Sqlite);
        var warehouse = await bed.Warehouse();
        // At scale each commit checkpoints on its own (a large write-ahead log); on these few rows the test asks for it.
        await bed.Etl(warehouse).RunAsync(full: true, ct: Ct);
        await warehouse.ExecuteAsync("CHECKPOINT", Ct);
        Assert.Equal(EtlTestBed.RunTime.UtcDateTime, await warehouse.LastCompactedAsync(Ct));
        var customers = await EtlTestBed.CountAsync(warehouse, "SELECT count(*) FROM ods_customer");

        var renamed = await RenameHalfTheCustomersAsync(bed, "甲");
        var sameDay = await bed.Etl(warehouse).RunAsync(ct: Ct);
        await warehouse.ExecuteAsync("CHECKPOINT", Ct);
        await RenameHalfTheCustomersAsync(bed, "乙");
        var aWeekLater = await new NightlyEtl(bed.Operational.Database, warehouse, new EtlTestBed.FixedClock(EtlTestBed.RunTime.AddDays(7))).RunAsync(ct: Ct);

        Assert.Null(sameDay.Compaction);
        var (before, after) = Assert.NotNull(aWeekLater.Compaction);
        // Each run replaced the renamed customers' mirror rows; the checkpoint after the first one kept the old rows stored
        // (a vacuum would have merged the thinned-out row group with the new rows), so the compaction finds both runs'.
        Assert.True(before >= 2 * renamed, $"{before} deleted rows stored after two runs that replaced {renamed} rows each");
        Assert.True(after <= before - 2 * renamed, $"compaction left {after} of {before}");
        Assert.Equal(EtlTestBed.RunTime.AddDays(7).UtcDateTime, await warehouse.LastCompactedAsync(Ct));
        Assert.Equal(2, await EtlTestBed.CountAsync(warehouse, "SELECT count(*) FROM warehouse_compaction WHERE reason IN ('full load', 'weekly')"));
        Assert.Equal(customers, await EtlTestBed.CountAsync(warehouse, "SELECT count(*) FROM ods_customer"));
        Assert.Equal(renamed, await EtlTestBed.CountAsync(warehouse, "SELECT count(*) FROM ods_customer WHERE name LIKE '乙甲%'"));
        Assert.True(aWeekLater.DataQualityPassed);
    }

    /// <summary>Renames every other customer (by code); returns how many.</summary>
    private static async Task<int> RenameHalfTheCustomersAsync(EtlTestBed bed, string prefix)
    {
        await using var db = bed.Operational.Context("sales");
        var half = (await db.Customers.OrderBy(c => c.Code).ToListAsync(Ct)).Where((_, i) => i % 2 == 0).ToList();
        foreach (var customer in half) customer.Name = prefix + customer.Name;
        await db.SaveChangesAsync(Ct);
        return half.Count;
    }
}
