using Microsoft.EntityFrameworkCore;
using Npgsql;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Outbox;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Outbox;

public sealed class OutboxTests
{
    private static Customer NewCustomer(string code) => new() { Code = code, Name = "张伟", Phone = "13800138000", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };

    [Theory, ClassData(typeof(Providers))]
    public async Task Every_insert_update_and_delete_writes_one_outbox_row_in_sequence(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var customer = NewCustomer("C1");
        await using (var db = test.Context())
        {
            db.Customers.Add(customer);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            customer.City = "杭州";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            db.Customers.Remove(customer);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = test.Context();
        var rows = await read.OutboxMessages.OrderBy(m => m.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Sequence));
        Assert.Equal(["insert", "update", "delete"], rows.Select(r => r.Operation));
        Assert.All(rows, r => Assert.Equal(customer.Id.ToString(), r.EntityKey));
        Assert.Contains("杭州", rows[1].Payload);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_rolled_back_transaction_leaves_no_outbox_rows_and_no_gap(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using (var db = test.Context())
        {
            await using var tx = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            db.Customers.Add(NewCustomer("C1"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await tx.RollbackAsync(TestContext.Current.CancellationToken);
        }
        await using (var db = test.Context())
        {
            db.Customers.Add(NewCustomer("C2"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = test.Context();
        var rows = await read.OutboxMessages.ToListAsync(TestContext.Current.CancellationToken);
        var only = Assert.Single(rows);
        Assert.Equal(1L, only.Sequence);
        Assert.Equal(1, await read.Customers.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_failed_save_writes_nothing_and_a_retry_is_not_doubled(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        db.Customers.Add(NewCustomer("DUP"));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var clash = NewCustomer("DUP");
        db.Customers.Add(clash);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));

        clash.Code = "OK";
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        await using var read = test.Context();
        Assert.Equal([1L, 2L], await read.OutboxMessages.OrderBy(m => m.Sequence).Select(m => m.Sequence).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_save_whose_sequence_draw_fails_stores_nothing_and_a_retry_writes_the_change_once(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.Create(provider);
        await using var db = test.Context();
        var customer = NewCustomer("C1");
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);

        // The draw runs after EF has written (and accepted) the change: without the counter row it fails there.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM outbox_counter", ct);
        customer.City = "杭州";
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(ct));
        Assert.Contains("outbox_counter", failure.Message);
        await using (var read = test.Context())
        {
            Assert.Null((await read.Customers.SingleAsync(ct)).City);
            Assert.Equal(1, await read.AuditEntries.CountAsync(ct));
        }

        await db.Database.ExecuteSqlRawAsync("INSERT INTO outbox_counter (id, last_sequence) VALUES (1, 1)", ct);
        Assert.Equal(EntityState.Modified, db.Entry(customer).State);
        await db.SaveChangesAsync(ct);

        await using var after = test.Context();
        Assert.Equal("杭州", (await after.Customers.SingleAsync(ct)).City);
        var rows = await after.OutboxMessages.OrderBy(m => m.Sequence).ToListAsync(ct);
        Assert.Equal([(1L, "insert"), (2L, "update")], rows.Select(r => (r.Sequence, r.Operation)));
        Assert.Contains("杭州", rows[1].Payload);
        Assert.Equal(2, await after.AuditEntries.CountAsync(ct));
        Assert.Equal(2L, db.OutboxMessages.Local.Single(m => m.Operation == "update").Sequence);
    }

    [Fact]
    public async Task On_SQLite_a_save_waits_for_its_turn_among_the_process_writers_to_the_file()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        Task save;
        await using var db = test.Context();
        using (await SqliteWriterQueue.WaitAsync(test.Database.Options.ConnectionString, sync: false, ct))
        {
            db.Customers.Add(NewCustomer("C1"));
            save = db.SaveChangesAsync(ct);
            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
            Assert.False(save.IsCompleted, "the save went ahead while another writer of the process had the turn");
        }
        await save.WaitAsync(TimeSpan.FromSeconds(30), ct);

        await using var read = test.Context();
        Assert.Equal(1L, (await read.OutboxMessages.SingleAsync(ct)).Sequence);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Concurrent_writers_get_distinct_gap_free_sequences(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await Parallel.ForEachAsync(Enumerable.Range(0, 20), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await using var db = test.Context();
                    db.Customers.Add(NewCustomer($"P{i}"));
                    await db.SaveChangesAsync(ct);
                    return;
                }
                // SQLite has one writer at a time; a busy database is retried, as the app's callers do.
                catch (DbUpdateException) when (provider == DatabaseProvider.Sqlite && attempt < 50) { await Task.Delay(20, ct); }
                catch (Microsoft.Data.Sqlite.SqliteException) when (attempt < 50) { await Task.Delay(20, ct); }
            }
        });

        await using var read = test.Context();
        var sequences = await read.OutboxMessages.OrderBy(m => m.Sequence).Select(m => m.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), sequences);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Changes_are_audited_with_who_and_before_and_after(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        var customer = NewCustomer("C1");
        await using (var db = test.Context("sales:wang"))
        {
            db.Customers.Add(customer);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            customer.Phone = "13900139000";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = test.Context();
        var update = await read.AuditEntries.SingleAsync(a => a.Operation == "update", TestContext.Current.CancellationToken);
        Assert.Equal("sales:wang", update.UserName);
        Assert.Equal("Customer", update.Entity);
        Assert.Contains("13800138000", update.Before);
        Assert.Contains("13900139000", update.After);
        Assert.DoesNotContain("Name", update.After);
    }

    [Fact]
    public async Task On_PostgreSQL_a_commit_notifies_the_outbox_channel_and_a_rollback_does_not()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.Create(DatabaseProvider.Postgres);
        await using var listener = new NpgsqlConnection(test.Database.Options.ConnectionString);
        await listener.OpenAsync(ct);
        var heard = new List<string>();
        listener.Notification += (_, e) => heard.Add(e.Channel);
        await using (var listen = new NpgsqlCommand($"LISTEN {OutboxNotifications.Channel}", listener)) await listen.ExecuteNonQueryAsync(ct);

        await using (var db = test.Context())
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Customers.Add(NewCustomer("C1"));
            await db.SaveChangesAsync(ct);
            await tx.RollbackAsync(ct);
        }
        await using (var db = test.Context())
        {
            db.Customers.Add(NewCustomer("C2"));
            db.Customers.Add(NewCustomer("C3"));
            await db.SaveChangesAsync(ct);
        }

        // Notifications arrive in commit order: had the rollback notified, it would be heard before the commit's.
        Assert.True(await listener.WaitAsync(TimeSpan.FromSeconds(10), ct), "no notification within 10 s of the commit");
        Assert.Equal([OutboxNotifications.Channel], heard);
    }
}
