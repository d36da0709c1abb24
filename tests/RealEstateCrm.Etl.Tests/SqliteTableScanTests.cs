using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Etl.Tests;

/// <summary>The whole-table read calls e_sqlite3 directly while holding the connection's mutex: a failing step must still
/// raise SQLite's message, and leave the mutex free for the next thread that uses the connection. The read by ids must find
/// the rows through the key index and the rowid, never by scanning the table.</summary>
public sealed class SqliteTableScanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_step_that_fails_raises_sqlites_message_and_releases_the_connections_mutex()
    {
        await using var operational = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var db = operational.Context();
        // Kept open, so the scan's close leaves the connection (and its mutex) to the next user.
        await db.Database.OpenConnectionAsync(Ct);
        // Rows come out until the third, whose abs() overflows inside sqlite3_step.
        const string select = "SELECT abs(CASE WHEN value = 3 THEN -9223372036854775807 - 1 ELSE value END) FROM json_each('[1,2,3,4]')";

        var error = await Assert.ThrowsAsync<SqliteException>(async () =>
        {
            await foreach (var _ in SqliteTableScan.ReadAsync(db, select, [RawColumnKind.BigInt], Ct)) { }
        });

        Assert.Contains("integer overflow", error.Message);
        // A mutex left held by the failed read would block another thread here for good.
        var connection = db.Database.GetDbConnection();
        var other = new Thread(() =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM json_each('[1,2,3]')";
            command.ExecuteScalar();
        });
        other.Start();
        Assert.True(other.Join(TimeSpan.FromSeconds(30)), "the connection's mutex was still held after the failed read");
    }

    [Fact]
    public async Task Rows_read_by_id_are_the_rows_of_the_ids_found_and_every_table_finds_them_through_its_key_index()
    {
        await using var bed = await EtlTestBed.Create(DatabaseProvider.Sqlite);
        await using var db = bed.Operational.Context();
        var tables = SourceTable.All(db);
        var customers = tables.Single(t => t.Entity == "Customer");
        var ids = await db.Customers.OrderBy(c => c.Code).Select(c => c.Id).ToListAsync(Ct);
        // Every third customer, last first, and an id no row has.
        var wanted = ids.Where((_, i) => i % 3 == 0).Reverse().Append(new Guid("00000000-0000-7000-8000-000000000001")).ToList();

        var rows = 0;
        await foreach (var chunk in customers.ReadAsync(db, wanted, Ct)) rows += chunk.Count;

        Assert.Equal(wanted.Count - 1, rows);
        await db.Database.OpenConnectionAsync(Ct);
        foreach (var table in tables.Where(t => t.ScansRaw(db)))
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + table.SelectByIds;
            command.Parameters.Add(new SqliteParameter("?1", "[]"));
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(Ct))
                while (await reader.ReadAsync(Ct)) plan.Add(reader.GetString(3));
            Assert.Contains($"SEARCH {table.Name} USING INTEGER PRIMARY KEY (rowid=?)", plan);
            Assert.Contains(plan, step => step.StartsWith($"SEARCH {table.Name} USING COVERING INDEX ", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.StartsWith($"SCAN {table.Name}", StringComparison.Ordinal));
        }
    }
}
