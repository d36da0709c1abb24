using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Tests.DemoData;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Data;

public sealed class PlainRowReaderTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Plain_rows_equal_the_rows_read_through_EF_in_every_table(DatabaseProvider provider)
    {
        await using var test = await SeededWithAnEditAsync(provider);
        await using var db = test.Context();
        var emptyTables = new List<string>();
        foreach (var table in StoredTable.All(db))
        {
            var throughEf = await Keyed(table, table.ReadRows(db, TestContext.Current.CancellationToken));
            var plain = await Keyed(table, table.ReadPlainRows(db, ct: TestContext.Current.CancellationToken));
            AssertSameRows(table, throughEf, plain);
            if (throughEf.Count == 0) emptyTables.Add(table.Name);
        }
        // The seed fills every table but those it leaves alone; the edit adds an audit entry.
        Assert.Equal(DemoSeederTests.NotSeeded.Where(t => t != "audit_entry").Order(), emptyTables.Order());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Plain_rows_by_id_equal_the_rows_read_through_EF_by_id(DatabaseProvider provider)
    {
        await using var test = await SeededWithAnEditAsync(provider);
        await using var db = test.Context();
        var ct = TestContext.Current.CancellationToken;
        foreach (var table in StoredTable.All(db).Where(t => t.EntityType.FindProperty("Id")?.ClrType == typeof(Guid)))
        {
            var idColumn = table.Columns.Select((c, i) => (c, i)).Single(x => x.c.Name == "Id").i;
            var all = new List<Guid>();
            await foreach (var row in table.ReadRows(db, ct)) all.Add((Guid)row[idColumn]!);
            // Every other id, plus one that is in no table: more than one IN list's worth where the table is big enough.
            var ids = all.Where((_, i) => i % 2 == 0).Append(Guid.NewGuid()).ToList();
            var throughEf = await Keyed(table, table.ReadRows(db, ids, ct));
            var plain = await Keyed(table, table.ReadPlainRows(db, ids, ct));
            AssertSameRows(table, throughEf, plain);
            Assert.Equal((all.Count + 1) / 2, plain.Count);
        }
    }

    [Fact]
    public async Task Plain_rows_come_from_the_transaction_the_context_is_in()
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var db = test.Context();
        var ct = TestContext.Current.CancellationToken;
        var table = StoredTable.Find(db, "competitor");
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.Add(new Domain.Marketing.Competitor { Name = "绿城" });
            await db.SaveChangesAsync(ct);
            Assert.Single(await Keyed(table, table.ReadPlainRows(db, ct: ct)));
        }
        Assert.Empty(await Keyed(table, table.ReadPlainRows(db, ct: ct)));
    }

    private static async Task<TestDatabase> SeededWithAnEditAsync(DatabaseProvider provider)
    {
        var (test, _) = await SeededDatabase.Create(provider);
        await using var db = test.Context();
        var customer = await db.Customers.OrderBy(c => c.Code).FirstAsync(TestContext.Current.CancellationToken);
        customer.City = "宁波";
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return test;
    }

    private static void AssertSameRows(StoredTable table, SortedDictionary<string, string> throughEf, SortedDictionary<string, string> plain)
    {
        Assert.True(throughEf.Keys.SequenceEqual(plain.Keys), $"{table.Name}: EF read {throughEf.Count} rows, the plain reader {plain.Count} (or other keys)");
        foreach (var (key, row) in throughEf)
            if (plain[key] != row) Assert.Fail($"{table.Name} {key}:\n  EF:    {row}\n  plain: {plain[key]}");
    }

    /// <summary>Each row as text keyed by its primary key, values written with their types (and DateTime kinds) so
    /// that a value of another type or kind never compares equal.</summary>
    private static async Task<SortedDictionary<string, string>> Keyed(StoredTable table, IAsyncEnumerable<object?[]> rows)
    {
        var key = table.EntityType.FindPrimaryKey()!.Properties.Select(p => table.Columns.ToList().IndexOf(p)).ToArray();
        var keyed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in rows)
            keyed.Add(string.Join("|", key.Select(i => Text(row[i]))), string.Join(" | ", row.Select(Text)));
        return keyed;
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        DateTime v => $"DateTime:{v.ToString("O", CultureInfo.InvariantCulture)}:{v.Kind}",
        byte[] v => $"byte[]:{Convert.ToHexString(v)}",
        _ => $"{value.GetType().Name}:{Convert.ToString(value, CultureInfo.InvariantCulture)}",
    };
}
