using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Etl.Tests;

public sealed class NightlyEtlTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task Full_load_reconciles_with_the_operational_database(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await bed.Warehouse();

        var result = await bed.Etl(warehouse).RunAsync(full: true, ct: Ct);

        Assert.All(result.DataQuality, r => Assert.True(r.Passed, $"{r.CheckKind} {r.Subject}: expected {r.Expected}, got {r.Actual}"));
        await using var db = bed.Operational.Context();
        Assert.Equal(await db.Set<CallRecord>().CountAsync(Ct), await EtlTestBed.CountAsync(warehouse, "SELECT count(*) FROM fact_call"));
        Assert.True(await EtlTestBed.CountAsync(warehouse, "SELECT count(*) FROM fact_sale") > 0);
        Assert.Equal(await db.Set<Contract>().SumAsync(c => c.FinalPrice, Ct), (decimal)(await warehouse.ScalarAsync("SELECT sum(final_price) FROM fact_sale", Ct))!);
        Assert.Equal(await db.Set<Payment>().SumAsync(p => p.Amount, Ct), (decimal)(await warehouse.ScalarAsync("SELECT sum(amount) FROM fact_payment", Ct))!);
        Assert.True(await EtlTestBed.CountAsync(warehouse, "SELECT count(*) FROM fact_unit_status_daily WHERE snapshot_date_key = 20260701") > 0);
        Assert.Equal(result.DataQuality.Count, await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM etl_dq_result WHERE run_id = {result.RunId} AND passed"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Incremental_load_versions_a_customer_whose_city_changed_and_adds_a_new_call(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await bed.Warehouse();
        await bed.Etl(warehouse).RunAsync(full: true, ct: Ct);
        var calls = await EtlTestBed.CountAsync(warehouse, "SELECT count(*) FROM fact_call");

        var customerId = await bed.MoveACustomerAndRecordACallAsync();

        var result = await bed.Etl(warehouse).RunAsync(ct: Ct);

        Assert.Equal("incremental", result.Mode);
        Assert.True(result.DataQualityPassed);
        Assert.Equal(calls + 1, await EtlTestBed.CountAsync(warehouse, "SELECT count(*) FROM fact_call"));
        var versions = $"SELECT count(*) FROM dim_customer WHERE customer_id = '{customerId}'";
        Assert.Equal(2, await EtlTestBed.CountAsync(warehouse, versions));
        Assert.Equal(1, await EtlTestBed.CountAsync(warehouse, versions + " AND is_current AND city = '杭州市' AND valid_from = TIMESTAMP '2026-06-30 09:00:00'"));
        Assert.Equal(1, await EtlTestBed.CountAsync(warehouse, versions + " AND NOT is_current AND city <> '杭州市' AND valid_to = TIMESTAMP '2026-06-30 09:00:00'"));
        // The new call, made after the move, points at the new version.
        Assert.Equal(1, await EtlTestBed.CountAsync(warehouse,
            "SELECT count(*) FROM fact_call f JOIN dim_customer c USING (customer_key) WHERE f.call_id = 'etl-test-call-1' AND c.is_current AND c.city = '杭州市'"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Incremental_load_corrects_a_renamed_customer_in_place_and_closes_a_deleted_customers_row(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await bed.Warehouse();
        var joined = new Customer { Code = "ETL-GONE-1", Name = "钱七", City = "上海市", CreatedAt = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), UpdatedAt = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc) };
        await using (var db = bed.Operational.Context("sales"))
        {
            db.Customers.Add(joined);
            await db.SaveChangesAsync(Ct);
        }
        await bed.Etl(warehouse).RunAsync(full: true, ct: Ct);
        Guid renamedId;
        await using (var db = bed.Operational.Context("sales"))
        {
            var renamed = await db.Customers.OrderBy(c => c.Code).FirstAsync(c => c.Code != joined.Code, Ct);
            renamedId = renamed.Id;
            renamed.Name = "改名后的客户";
            db.Remove(await db.Customers.SingleAsync(c => c.Id == joined.Id, Ct));
            await db.SaveChangesAsync(Ct);
        }

        var result = await bed.Etl(warehouse).RunAsync(ct: Ct);

        Assert.True(result.DataQualityPassed);
        // A name is not a versioned attribute: the one current row is corrected, no version is added.
        Assert.Equal(1, await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM dim_customer WHERE customer_id = '{renamedId}'"));
        Assert.Equal(1, await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM dim_customer WHERE customer_id = '{renamedId}' AND is_current AND name = '改名后的客户'"));
        // The deleted customer's row stays for the facts that point at it, closed at the run.
        Assert.Equal(1, await EtlTestBed.CountAsync(warehouse,
            $"SELECT count(*) FROM dim_customer WHERE customer_id = '{joined.Id}' AND NOT is_current AND valid_to = TIMESTAMP '2026-07-01 02:00:00'"));
        Assert.Equal(0, await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM dim_customer WHERE customer_id = '{joined.Id}' AND is_current"));
    }

    // The operational counts join the run's snapshot on a connection of their own (PostgreSQL; SQLite when its WAL holds
    // writes: an open connection keeps it, as a running application's pool does) or, where it cannot be shared (SQLite
    // after its last connection closed), are taken on the run's connection once its rows are read: both in the snapshot.
    public static TheoryData<DatabaseProvider, bool> SnapshotSharing => new() { { DatabaseProvider.Sqlite, true }, { DatabaseProvider.Sqlite, false }, { DatabaseProvider.Postgres, true } };

    [Theory, MemberData(nameof(SnapshotSharing))]
    public async Task A_run_reads_and_reconciles_the_operational_rows_as_they_were_when_it_read_the_outbox_and_does_not_hold_off_writers(DatabaseProvider provider, bool connectionKept)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await bed.Warehouse();
        await using var keeper = bed.Operational.Context("test");
        if (connectionKept)
        {
            await keeper.Database.OpenConnectionAsync(Ct);
            await keeper.Customers.AnyAsync(Ct);
        }
        await bed.Etl(warehouse).RunAsync(full: true, ct: Ct);
        Guid customerId;
        await using (var db = bed.Operational.Context("sales"))
        {
            var customer = await db.Customers.OrderBy(c => c.Code).FirstAsync(Ct);
            customerId = customer.Id;
            customer.Name = "第一次改名";
            await db.SaveChangesAsync(Ct);
        }
        // Renamed again, and a customer added, once the run has read the outbox: the writes must go through at once, and
        // the run must not see them, in its rows or in the operational counts its checks reconcile with.
        var added = new Customer { Code = "ETL-LATE-1", Name = "孙八", City = "杭州市", CreatedAt = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), UpdatedAt = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc) };
        async Task RenameAgainAsync()
        {
            await using var db = bed.Operational.Context("sales");
            (await db.Customers.SingleAsync(c => c.Id == customerId, Ct)).Name = "第二次改名";
            db.Customers.Add(added);
            await db.SaveChangesAsync(Ct);
        }

        var first = await new NightlyEtl(bed.Operational.Database, warehouse, bed.Clock) { AfterOutboxRead = RenameAgainAsync }.RunAsync(ct: Ct);

        Assert.Equal(1, await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM dim_customer WHERE customer_id = '{customerId}' AND is_current AND name = '第一次改名'"));
        Assert.Equal(1, await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM ods_customer WHERE id = '{customerId}' AND name = '第一次改名'"));
        Assert.Equal(0, await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM dim_customer WHERE customer_id = '{added.Id}'"));
        Assert.True(first.DataQualityPassed, string.Join("; ", first.DataQuality.Where(q => !q.Passed)));
        var second = await bed.Etl(warehouse).RunAsync(ct: Ct);
        Assert.Equal(first.ToSequence, second.FromSequence);
        Assert.Equal(1, await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM dim_customer WHERE customer_id = '{customerId}' AND is_current AND name = '第二次改名'"));
        Assert.Equal(1, await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM dim_customer WHERE customer_id = '{added.Id}' AND is_current"));
        Assert.True(second.DataQualityPassed);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_crash_inside_the_load_followed_by_a_rerun_gives_the_same_warehouse_as_a_clean_run(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var crashed = await bed.Warehouse("crashed");
        var clean = await bed.Warehouse("clean");
        // The nightly run puts DuckDB on one thread; the connection gets its own count back, after a failed run too.
        await crashed.ExecuteAsync("SET threads = 3", Ct);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => bed.Etl(crashed, crashAfterRows: 500).RunAsync(ct: Ct));
        Assert.Equal(0, await EtlTestBed.CountAsync(crashed, "SELECT count(*) FROM etl_watermark"));
        Assert.Equal(1, await EtlTestBed.CountAsync(crashed, "SELECT count(*) FROM etl_run WHERE status = 'failed'"));
        Assert.Equal(3, await EtlTestBed.CountAsync(crashed, "SELECT current_setting('threads')"));
        await bed.Etl(crashed).RunAsync(ct: Ct);
        await bed.Etl(clean).RunAsync(ct: Ct);
        Assert.Equal(3, await EtlTestBed.CountAsync(crashed, "SELECT current_setting('threads')"));

        var expected = await EtlTestBed.ContentsAsync(clean);
        var actual = await EtlTestBed.ContentsAsync(crashed);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (table, rows) in expected) Assert.True(rows.SequenceEqual(actual[table]), $"{table} differs after crash and re-run");
        Assert.True(expected["fact_call"].Count > 0);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_crash_in_an_incremental_load_followed_by_a_rerun_gives_the_same_warehouse_as_a_clean_run(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var crashed = await bed.Warehouse("crashed");
        var clean = await bed.Warehouse("clean");
        await bed.Etl(crashed).RunAsync(ct: Ct);
        await bed.Etl(clean).RunAsync(ct: Ct);
        var watermark = await EtlTestBed.CountAsync(crashed, "SELECT last_sequence FROM etl_watermark");
        await bed.MoveACustomerAndRecordACallAsync();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => bed.Etl(crashed, crashAfterRows: 2).RunAsync(ct: Ct));
        Assert.Equal(watermark, await EtlTestBed.CountAsync(crashed, "SELECT last_sequence FROM etl_watermark"));
        var rerun = await bed.Etl(crashed).RunAsync(ct: Ct);
        await bed.Etl(clean).RunAsync(ct: Ct);

        Assert.True(rerun.ToSequence > watermark);
        var expected = await EtlTestBed.ContentsAsync(clean);
        var actual = await EtlTestBed.ContentsAsync(crashed);
        foreach (var (table, rows) in expected) Assert.True(rows.SequenceEqual(actual[table]), $"{table} differs after crash and re-run");
        Assert.Equal(1, await EtlTestBed.CountAsync(crashed, "SELECT count(*) FROM dim_customer WHERE NOT is_current"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_row_deleted_in_the_operational_database_leaves_the_warehouse_on_the_next_run(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await bed.Warehouse();
        await bed.Etl(warehouse).RunAsync(ct: Ct);
        Guid observationId;
        await using (var db = bed.Operational.Context("analyst"))
        {
            var observation = await db.Set<CompetitorPriceObservation>().OrderBy(o => o.Id).FirstAsync(Ct);
            observationId = observation.Id;
            db.Remove(observation);
            await db.SaveChangesAsync(Ct);
        }

        var result = await bed.Etl(warehouse).RunAsync(ct: Ct);

        Assert.True(result.DataQualityPassed);
        Assert.Equal(0, await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM fact_competitor_price WHERE observation_id = '{observationId}'"));
        Assert.Equal(0, await EtlTestBed.CountAsync(warehouse, $"SELECT count(*) FROM ods_competitor_price_observation WHERE id = '{observationId}'"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Reconciliation_catches_a_deliberately_broken_row(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await bed.Warehouse();
        await bed.Etl(warehouse).RunAsync(ct: Ct);

        await warehouse.ExecuteAsync("DELETE FROM fact_call WHERE call_record_id = (SELECT min(call_record_id) FROM fact_call)", Ct);
        await warehouse.ExecuteAsync("UPDATE fact_sale SET customer_key = 999999999 WHERE contract_id = (SELECT min(contract_id) FROM fact_sale)", Ct);
        var results = await DataQualityChecks.RunAsync(bed.Operational.Database, warehouse, Ct);

        var failed = results.Where(r => !r.Passed).Select(r => $"{r.CheckKind} {r.Subject} {r.Expected}->{r.Actual}").ToList();
        Assert.True(failed.Count == 2, string.Join("; ", failed));
        Assert.Contains(failed, f => f.StartsWith("row count fact_call", StringComparison.Ordinal));
        Assert.Contains("orphan key fact_sale.customer_key 0->1", failed);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Checks_after_an_incremental_run_catch_what_its_changes_can_break_and_look_nowhere_else(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await bed.Warehouse();
        await bed.Etl(warehouse).RunAsync(ct: Ct);
        var customerId = await bed.MoveACustomerAndRecordACallAsync();
        Guid contractorId;
        await using (var db = bed.Operational.Context("service"))
        {
            var contractor = await db.Set<Contractor>().Where(c => db.Set<WorkOrder>().Any(w => w.ContractorId == c.Id)).OrderBy(c => c.Name).FirstAsync(Ct);
            contractorId = contractor.Id;
            contractor.Phone = "0571-88886666";
            await db.SaveChangesAsync(Ct);
        }
        var run = await bed.Etl(warehouse).RunAsync(ct: Ct);
        Assert.True(run.DataQualityPassed);
        var contractorsWorkOrders = await EtlTestBed.CountAsync(warehouse,
            $"SELECT count(*) FROM fact_work_order JOIN dim_contractor USING (contractor_key) WHERE contractor_id = '{contractorId}'");
        Assert.True(contractorsWorkOrders > 0);

        // Broken where the run wrote: the agent of the call it added, a second current version of the customer it moved,
        // and the contractor it rewrote gone (as a deleted one would be), leaving work orders the run never touched orphaned.
        await warehouse.ExecuteAsync("UPDATE fact_call SET agent_key = 999999999 WHERE call_id = 'etl-test-call-1'", Ct);
        await warehouse.ExecuteAsync($"INSERT INTO dim_customer SELECT * REPLACE (customer_key + 1000000 AS customer_key) FROM dim_customer WHERE customer_id = '{customerId}' AND is_current", Ct);
        await warehouse.ExecuteAsync($"DELETE FROM dim_contractor WHERE contractor_id = '{contractorId}'", Ct);
        // Broken where it did not write: only the checks of a full load look there.
        await warehouse.ExecuteAsync("UPDATE fact_sale SET customer_key = 999999999 WHERE contract_id = (SELECT min(contract_id) FROM fact_sale)", Ct);
        await warehouse.ExecuteAsync("INSERT INTO dim_project SELECT * REPLACE (project_key + 1000000 AS project_key) FROM dim_project ORDER BY project_key LIMIT 1", Ct);
        // The run's scope: the source tables it extracted are those its changed ids name, and its temp tables are still there.
        var touched = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = warehouse.Connection.CreateCommand())
        {
            command.CommandText = "SELECT DISTINCT table_name FROM changed";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) touched.Add(reader.GetString(0));
        }

        var scoped = Failed(await DataQualityChecks.RunAsync(bed.Operational.Database, warehouse, DataQualityScope.Incremental(touched, snapshots: true), Ct));
        var whole = Failed(await DataQualityChecks.RunAsync(bed.Operational.Database, warehouse, Ct));

        // The row counts stay whole in both.
        string[] rowCounts = ["row count dim_contractor", "row count dim_customer", "row count dim_project"];
        Assert.Equal(Sorted([.. rowCounts, "duplicate natural key dim_customer.customer_id", "orphan key fact_call.agent_key", "orphan key fact_work_order.contractor_key"]), scoped);
        Assert.Equal(Sorted([.. rowCounts, "duplicate natural key dim_customer.customer_id", "duplicate natural key dim_project.project_id",
            "orphan key fact_call.agent_key", "orphan key fact_sale.customer_key", "orphan key fact_work_order.contractor_key"]), whole);
    }

    private static string[] Failed(IEnumerable<DataQualityResult> results) => Sorted(results.Where(r => !r.Passed).Select(r => $"{r.CheckKind} {r.Subject}"));

    private static string[] Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal).ToArray();

    [Theory, ClassData(typeof(Providers))]
    public async Task A_rerun_with_nothing_new_changes_nothing(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await bed.Warehouse();
        var first = await bed.Etl(warehouse).RunAsync(ct: Ct);
        var before = await EtlTestBed.ContentsAsync(warehouse);

        var again = await bed.Etl(warehouse).RunAsync(ct: Ct);

        Assert.Equal(0, again.OutboxEvents);
        Assert.Equal(0, again.RowsExtracted);
        Assert.Equal(first.ToSequence, again.ToSequence);
        var after = await EtlTestBed.ContentsAsync(warehouse);
        foreach (var (table, rows) in before) Assert.True(rows.SequenceEqual(after[table]), $"{table} changed on an empty re-run");
    }
}
