using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Data;

/// <summary>A second connection joined to a read snapshot (an ETL run's operational counts) sees the moment the holder
/// sees, not what was committed since, and the writers are not held off; where there is no moment to share, the join
/// says so instead of reading another one.</summary>
public sealed class ReadSnapshotJoinTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_joined_connection_sees_the_holders_moment_and_not_a_later_commit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.Create(provider);
        // The test databases do not pool connections: one kept open (that has read) keeps SQLite's WAL, and what is written
        // to it, between the writes, as a running application's pool does.
        await using var keeper = database.Context("test");
        await keeper.Database.OpenConnectionAsync(Ct);
        await keeper.Customers.AnyAsync(Ct);
        await AddCustomerAsync(database, "JOIN-1");

        await using var holder = database.Context("etl");
        await using var snapshot = await holder.BeginReadSnapshotAsync(Ct);
        Assert.Equal(1, await holder.Customers.CountAsync(Ct));
        // Committed after the holder's first read: outside its moment.
        await AddCustomerAsync(database, "JOIN-2");

        await using var joined = database.Context("etl");
        await using var joinedSnapshot = await joined.TryJoinReadSnapshotAsync(holder, Ct);
        Assert.NotNull(joinedSnapshot);
        Assert.Equal(1, await joined.Customers.CountAsync(Ct));
        await AddCustomerAsync(database, "JOIN-3");
        Assert.Equal(1, await joined.Customers.CountAsync(Ct));
        Assert.Equal(1, await holder.Customers.CountAsync(Ct));

        await using var fresh = database.Context("etl");
        Assert.Equal(3, await fresh.Customers.CountAsync(Ct));
    }

    [Fact]
    public async Task SQLite_has_no_moment_to_share_from_a_WAL_nothing_was_written_to()
    {
        await using var database = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await AddCustomerAsync(database, "JOIN-1");
        // Its connection closed last: SQLite folded the WAL into the file and removed it.

        await using var holder = database.Context("etl");
        await using var snapshot = await holder.BeginReadSnapshotAsync(Ct);
        Assert.Equal(1, await holder.Customers.CountAsync(Ct));

        await using var joined = database.Context("etl");
        Assert.Null(await joined.TryJoinReadSnapshotAsync(holder, Ct));
    }

    private static async Task AddCustomerAsync(TestDatabase database, string code)
    {
        await using var db = database.Context("sales");
        var at = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        db.Customers.Add(new Customer { Code = code, Name = "孙八", City = "杭州市", CreatedAt = at, UpdatedAt = at });
        await db.SaveChangesAsync(Ct);
    }
}
