using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Testing;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Tests;

/// <summary>The full load takes shortcuts (text columns cast by DuckDB, plain inserts into the emptied star schema):
/// these tests hold it to the warehouse the general, incremental path builds and to the values EF reads.</summary>
public sealed class FullLoadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_full_rebuild_gives_the_same_warehouse_as_a_first_incremental_load_of_the_same_data(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var rebuilt = await bed.Warehouse("rebuilt");
        var incremental = await bed.Warehouse("incremental");
        await bed.Etl(rebuilt).RunAsync(full: true, ct: Ct);
        await bed.MoveACustomerAndRecordACallAsync();
        // The incremental run opens a second customer version; the rebuild that follows starts the history again.
        await bed.Etl(rebuilt).RunAsync(ct: Ct);
        Assert.Equal(1, await EtlTestBed.CountAsync(rebuilt, "SELECT count(*) FROM dim_customer WHERE NOT is_current"));

        var full = await bed.Etl(rebuilt).RunAsync(full: true, ct: Ct);
        var first = await bed.Etl(incremental).RunAsync(ct: Ct);

        Assert.Equal(("full", "incremental"), (full.Mode, first.Mode));
        Assert.True(full.DataQualityPassed);
        var expected = await EtlTestBed.ContentsAsync(incremental);
        var actual = await EtlTestBed.ContentsAsync(rebuilt);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (table, rows) in expected) Assert.True(rows.SequenceEqual(actual[table]), $"{table} differs between the full rebuild and the incremental load");
        Assert.True(expected["fact_call"].Count > 0 && expected["dim_customer"].Count > 0);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_mirror_holds_exactly_the_values_EF_reads_from_the_operational_tables(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await bed.Warehouse();
        // Seven fractional digits, the seventh above 5: DuckDB parsing the text must truncate to microseconds as the typed value does.
        await bed.RecordCallAsync("etl-ticks-call", new DateTime(2026, 6, 30, 10, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567));
        await bed.Etl(warehouse).RunAsync(full: true, ct: Ct);

        await AssertTheMirrorHoldsWhatEfReadsAsync(bed, warehouse);
        Assert.Equal(1, await EtlTestBed.CountAsync(warehouse,
            "SELECT count(*) FROM ods_call_record WHERE call_id = 'etl-ticks-call' AND started_at = TIMESTAMP '2026-06-30 10:00:00.123456'"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_incremental_run_of_new_updated_and_deleted_rows_leaves_exactly_the_values_EF_reads_in_the_mirror(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await bed.Warehouse();
        await bed.Etl(warehouse).RunAsync(full: true, ct: Ct);
        var copies = await InsertACopyOfARowOfEveryTableAsync(bed);
        // In the same run, one copy is also updated after its insert and one deleted again.
        await using (var db = bed.Operational.Context())
        {
            var call = await db.Set<CallRecord>().FirstAsync(c => c.Id == copies["CallRecord"], Ct);
            call.Caller = "13800000000";
            db.Remove(await db.Set<CompetitorPriceObservation>().FirstAsync(o => o.Id == copies["CompetitorPriceObservation"], Ct));
            await db.SaveChangesAsync(Ct);
        }

        var run = await bed.Etl(warehouse).RunAsync(ct: Ct);

        Assert.True(run.DataQualityPassed);
        await AssertTheMirrorHoldsWhatEfReadsAsync(bed, warehouse);
        foreach (var (entity, id) in copies)
        {
            var expected = entity == "CompetitorPriceObservation" ? 0 : 1;
            await using var db = bed.Operational.Context();
            var table = SourceTable.All(db).Single(t => t.Entity == entity);
            Assert.Equal(expected, await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM {table.OdsName} WHERE id = '{id}'"));
        }
        Assert.Equal(1, await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM ods_call_record WHERE id = '{copies["CallRecord"]}' AND caller = '13800000000'"));

        // A full rebuild reads the same rows whole (on SQLite through SQLite's own API, decimals parsed from the stored
        // text): its mirror must hold the same values, third decimal digit rounded as the incremental's cast rounds it.
        var rebuilt = await bed.Warehouse("rebuilt");
        await bed.Etl(rebuilt).RunAsync(full: true, ct: Ct);
        await AssertTheMirrorHoldsWhatEfReadsAsync(bed, rebuilt);
    }

    /// <summary>Inserts, through EF, a copy of the first row of every source table (shadow foreign keys included) with a new id,
    /// its unique text and number columns made unique again, a third decimal digit on every decimal (the provider rounds it) and
    /// seven fractional digits on every timestamp (microseconds kept). Not the tables whose unique key is foreign keys only
    /// (inspection_unit, campaign_member): a copy would need other rows to point at.</summary>
    private static async Task<Dictionary<string, Guid>> InsertACopyOfARowOfEveryTableAsync(EtlTestBed bed)
    {
        var copies = new Dictionary<string, Guid>();
        await using var db = bed.Operational.Context("etl-test");
        foreach (var table in SourceTable.All(db).Where(t => !t.Stored.EntityType.GetIndexes().Any(i => i.IsUnique && i.Properties.All(p => p.IsForeignKey()))))
        {
            var type = table.Stored.EntityType;
            var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            var original = await set.FirstAsync(Ct);
            var values = db.Entry(original).CurrentValues.Clone();
            var id = Guid.NewGuid();
            values["Id"] = id;
            var unique = type.GetIndexes().Where(i => i.IsUnique).SelectMany(i => i.Properties).Where(p => !p.IsForeignKey()).ToHashSet();
            foreach (var property in type.GetProperties().Where(p => !p.IsKey() && !p.IsForeignKey() && values[p] is not null))
                values[property] = (values[property], unique.Contains(property)) switch
                {
                    (string s, true) => s[..Math.Min(s.Length, 190)] + "~copy",
                    (int n, true) => n + 100_000,
                    (DateOnly d, true) => d.AddDays(-20_000),
                    (decimal m, _) => m + 0.005m,
                    (DateTime t, _) => new DateTime(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, t.Kind).AddTicks(1_234_567),
                    var (v, _) => v,
                };
            var copy = values.ToObject();
            db.Add(copy);
            db.Entry(copy).CurrentValues.SetValues(values);
            copies[table.Entity] = id;
        }
        await db.SaveChangesAsync(Ct);
        return copies;
    }

    private static async Task AssertTheMirrorHoldsWhatEfReadsAsync(EtlTestBed bed, WarehouseDatabase warehouse)
    {
        await using var db = bed.Operational.Context();
        foreach (var table in SourceTable.All(db))
        {
            await warehouse.ExecuteAsync($"CREATE OR REPLACE TEMP TABLE expected AS SELECT * FROM {table.OdsName} LIMIT 0", Ct);
            long rows = 0;
            using (var appender = warehouse.Connection.CreateAppender("temp", "main", "expected"))
                await foreach (var values in table.Stored.ReadPlainRows(db, ct: Ct))
                {
                    var row = appender.CreateRow();
                    // The mirror's DECIMAL(18,2) holds EF's value rounded half away from zero (as PostgreSQL stores it; the
                    // Appender would truncate a third digit that SQLite keeps).
                    for (var i = 0; i < values.Length; i++)
                        OdsLoader.Append(row, values[i] is decimal d ? Math.Round(d, table.Stored.Columns[i].GetScale() ?? 2, MidpointRounding.AwayFromZero) : values[i]);
                    row.EndRow();
                    rows++;
                }
            var missing = await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM (SELECT * FROM expected EXCEPT ALL SELECT * FROM {table.OdsName})");
            var extra = await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM (SELECT * FROM {table.OdsName} EXCEPT ALL SELECT * FROM expected)");
            if (missing != 0 || extra != 0)
                Assert.Fail($"{table.OdsName}: {missing} of EF's {rows} rows missing, {extra} rows not EF's: " +
                    await warehouse.ScalarAsync($"SELECT string_agg(r::VARCHAR, ' / ') FROM (SELECT * FROM expected EXCEPT ALL SELECT * FROM {table.OdsName}) r", Ct) + " -> " +
                    await warehouse.ScalarAsync($"SELECT string_agg(r::VARCHAR, ' / ') FROM (SELECT * FROM {table.OdsName} EXCEPT ALL SELECT * FROM expected) r", Ct));
        }
    }
}
