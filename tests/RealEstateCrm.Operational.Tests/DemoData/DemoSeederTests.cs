using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Outbox;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.DemoData;

public sealed class DemoSeederTests(TinySeededSqlite seeded) : IClassFixture<TinySeededSqlite>
{
    // Merges are made by the duplicate-merging use case and audit entries by SaveChanges; seeding writes neither. Dialer
    // runs and their calls are the live state of the switch's progressive dialling (the seeded outbound history is in
    // call_record), made only by a running server.
    internal static readonly string[] NotSeeded = ["audit_entry", "customer_merge", "dialer_run", "dialer_call"];

    [Theory, ClassData(typeof(Providers))]
    public async Task Every_area_of_the_model_gets_rows(DatabaseProvider provider)
    {
        var (test, _) = await SeededDatabase.Create(provider);
        await using var _test = test;
        await using var db = test.Context();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Except(NotSeeded).ToList();
        Assert.True(tables.Count > 50);
        var empty = new List<string>();
        foreach (var table in tables)
            if (await Count(db, table) == 0) empty.Add(table);
        Assert.Empty(empty);
    }

    [Fact]
    public async Task The_same_seed_gives_identical_data_and_another_seed_different_data()
    {
        var first = await Fingerprint(42);
        var again = await Fingerprint(42);
        var other = await Fingerprint(7);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_bulk_load_writes_one_outbox_row_per_table_and_later_saves_continue_the_sequence(DatabaseProvider provider)
    {
        var (test, summary) = await SeededDatabase.Create(provider);
        await using var _test = test;
        var ct = TestContext.Current.CancellationToken;
        await using (var db = test.Context())
        {
            var rows = await db.OutboxMessages.OrderBy(m => m.Sequence).ToListAsync(ct);
            Assert.All(rows, r => Assert.Equal(OutboxOperations.BulkLoad, r.Operation));
            Assert.Equal(summary.Tables.Select(t => t.Table).Where(t => t != "true_probability").Order(), rows.Select(r => r.EntityKey).Order());
            Assert.Equal(rows.Count, rows.Select(r => r.Entity).Distinct().Count());
            Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (long)i), rows.Select(r => r.Sequence));
            Assert.Contains(rows, r => r.EntityKey == "customer" && r.Payload.Contains($"\"rows\":{SeedScale.Tiny.Customers}"));
            db.Customers.Add(new Customer { Code = "NEW-1", Name = "王芳", Phone = "13900001111", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(ct);
        }
        await using var read = test.Context();
        var sequences = await read.OutboxMessages.OrderBy(m => m.Sequence).Select(m => m.Sequence).ToListAsync(ct);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.Equal(OutboxOperations.Insert, (await read.OutboxMessages.OrderBy(m => m.Sequence).LastAsync(ct)).Operation);
    }

    [Fact]
    public async Task Seeded_id_numbers_are_valid_and_phones_normalised()
    {
        await using var db = seeded.Context();
        var customers = await db.Customers.ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(customers.Where(c => c.IdNumber is not null), c => Assert.True(ChineseIdNumber.IsValid(c.IdNumber), c.IdNumber));
        Assert.All(customers.Where(c => c.Phone is not null), c => Assert.Matches("^1[3-9][0-9]{9}$", c.Phone!));
        Assert.All(customers.Where(c => c.Phone is not null), c => Assert.Equal(ChinesePhone.Normalize(c.Phone), c.Phone));
        // The deliberate duplicates are there for duplicate detection to find.
        Assert.Contains(customers.GroupBy(c => c.Phone).Where(g => g.Key is not null), g => g.Count() > 1);
        Assert.Contains(customers.GroupBy(c => c.IdNumber).Where(g => g.Key is not null), g => g.Count() > 1);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_database_that_holds_data_is_refused_and_left_untouched(DatabaseProvider provider)
    {
        var (test, _) = await SeededDatabase.Create(provider);
        await using var _test = test;
        var ct = TestContext.Current.CancellationToken;
        int before;
        await using (var db = test.Context()) before = await db.Customers.CountAsync(ct);

        var error = await Assert.ThrowsAsync<DomainException>(() => new DemoSeeder(test.Database).SeedAsync(new SeedOptions(SeedScale.Tiny), ct: ct));
        Assert.Equal("db", error.Field);
        Assert.Contains("already holds data", error.Message);
        await using var read = test.Context();
        Assert.Equal(before, await read.Customers.CountAsync(ct));
    }

    private static async Task<string> Fingerprint(int seed)
    {
        var (test, _) = await SeededDatabase.Create(DatabaseProvider.Sqlite, seed);
        await using var _test = test;
        await using var db = test.Context();
        var ct = TestContext.Current.CancellationToken;
        var text = new StringBuilder();
        foreach (var c in await db.Customers.OrderBy(c => c.Code).ToListAsync(ct))
            text.AppendLine($"{c.Id}|{c.Code}|{c.Name}|{c.Phone}|{c.IdNumber}|{c.IncomeBand}|{c.FamilySize}|{c.CreatedAt:O}");
        foreach (var l in await db.Leads.OrderBy(l => l.Id).ToListAsync(ct))
            text.AppendLine($"{l.Id}|{l.CustomerId}|{l.ProjectId}|{l.Channel}|{l.Status}|{l.Budget}|{l.CreatedAt:O}");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    internal static async Task<long> Count(CrmDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
