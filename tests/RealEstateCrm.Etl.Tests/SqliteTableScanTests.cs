using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Etl.Tests;

/// <summary>The whole-table read calls e_sqlite3 directly while holding the connection's mutex: a failing step must still
/// raise SQLite's message, and leave the mutex free for the next thread that uses the connection.</summary>
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
}
