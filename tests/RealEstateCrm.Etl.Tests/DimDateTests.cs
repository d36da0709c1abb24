using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Testing;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Tests;

/// <summary>An incremental run reads only the dates of the facts it added to extend dim_date: these tests hold it to the
/// days a full load of the same data gives, every day from the earliest fact through the snapshot date.</summary>
public sealed class DimDateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task Incremental_runs_days_apart_extend_dim_date_at_both_ends_without_a_gap_as_a_full_load_does(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var incremental = await bed.Warehouse("incremental");
        await EtlOn(bed, incremental, daysLater: 0).RunAsync(ct: Ct);
        var (first, last) = await RangeAsync(incremental);

        // Five days later, a call three weeks after the last day there: the days in between belong to dim_date too.
        var late = last.AddDays(21);
        await bed.RecordCallAsync("dim-date-late", late.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc));
        await EtlOn(bed, incremental, daysLater: 5).RunAsync(ct: Ct);
        Assert.Equal((first, late), await RangeAsync(incremental));
        Assert.Equal(late.DayNumber - first.DayNumber + 1, await EtlTestBed.CountAsync(incremental, "SELECT count(*) FROM dim_date"));

        // A day later, a call forty days before the earliest fact.
        var early = first.AddDays(-40);
        await bed.RecordCallAsync("dim-date-early", early.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc));
        await EtlOn(bed, incremental, daysLater: 6).RunAsync(ct: Ct);

        var rebuilt = await bed.Warehouse("rebuilt");
        await EtlOn(bed, rebuilt, daysLater: 6).RunAsync(full: true, ct: Ct);
        Assert.Equal((early, late), await RangeAsync(incremental));
        var expected = (await EtlTestBed.ContentsAsync(rebuilt))["dim_date"];
        Assert.Equal(late.DayNumber - early.DayNumber + 1, expected.Count);
        Assert.Equal(expected, (await EtlTestBed.ContentsAsync(incremental))["dim_date"]);
    }

    private static NightlyEtl EtlOn(EtlTestBed bed, WarehouseDatabase warehouse, int daysLater) =>
        new(bed.Operational.Database, warehouse, new EtlTestBed.FixedClock(EtlTestBed.RunTime.AddDays(daysLater)));

    private static async Task<(DateOnly First, DateOnly Last)> RangeAsync(WarehouseDatabase warehouse)
    {
        await using var command = warehouse.Connection.CreateCommand();
        command.CommandText = "SELECT min(full_date), max(full_date) FROM dim_date";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        return (reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1));
    }
}
