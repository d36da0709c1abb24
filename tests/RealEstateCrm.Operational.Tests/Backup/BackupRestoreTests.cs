using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Backup;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Backup;

public sealed class BackupRestoreTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-backup-test-");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string File(string name) => Path.Combine(_folder.FullName, name);

    [Theory, ClassData(typeof(Providers))]
    public async Task A_backup_restores_every_row_into_an_empty_database(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.Create(provider);
        await using (var db = source.Context()) await BackupTestData.Seed(db);
        BackupManifest original;
        await using (var db = source.Context()) original = await new CreateBackup(db).Handle(File("crm.zip"), Ct);

        await using var target = await TestDatabase.Create(provider);
        await using (var db = target.Context()) await new RestoreBackup(db).Handle(File("crm.zip"), force: false, Ct);

        // A backup of the restored database is byte-for-byte the same data: every row of every table came back.
        await using (var db = target.Context())
        {
            var again = await new CreateBackup(db).Handle(File("again.zip"), Ct);
            Assert.Equal(original.Tables.Select(t => (t.Name, t.Rows, t.Sha256)), again.Tables.Select(t => (t.Name, t.Rows, t.Sha256)));
        }
        Assert.Equal(20, original.Tables.Single(t => t.Name == "customer").Rows);
        await using (var before = source.Context())
        await using (var after = target.Context())
        {
            var expected = await before.Customers.Include(c => c.Contacts).SingleAsync(c => c.Code == "C001", Ct);
            var actual = await after.Customers.Include(c => c.Contacts).SingleAsync(c => c.Id == expected.Id, Ct);
            Assert.Equal((expected.Name, expected.City, expected.Address, expected.ReferredByCustomerId, expected.Contacts.Single().Value),
                (actual.Name, actual.City, actual.Address, actual.ReferredByCustomerId, actual.Contacts.Single().Value));
        }
        // Writing goes on where the source stopped: the next outbox sequence and audit id follow the restored ones.
        await using (var db = target.Context())
        {
            var last = await db.OutboxMessages.MaxAsync(m => m.Sequence, Ct);
            db.Customers.Add(new Customer { Code = "C999", Name = "赵磊", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
            Assert.Equal(last + 1, await db.OutboxMessages.MaxAsync(m => m.Sequence, Ct));
        }
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_backup_taken_while_customers_are_being_inserted_is_consistent(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.Create(provider);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var inserted = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var db = source.Context();
                db.Customers.Add(new Customer { Code = $"W{inserted:00000}", Name = "并发写入", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
                await db.SaveChangesAsync(CancellationToken.None);
                Interlocked.Increment(ref inserted);
            }
        }, Ct);
        while (Volatile.Read(ref inserted) < 20) await Task.Delay(10, Ct);
        await using (var db = source.Context()) await new CreateBackup(db).Handle(File("live.zip"), Ct);
        var insertedAtBackup = Volatile.Read(ref inserted);
        await stop.CancelAsync();
        await writer;

        await using var target = await TestDatabase.Create(provider);
        await using var restored = target.Context();
        await new RestoreBackup(restored).Handle(File("live.zip"), force: false, Ct);
        var customers = (await restored.Customers.Select(c => c.Id).ToListAsync(Ct)).Select(id => id.ToString()).ToList();
        var outbox = await restored.OutboxMessages.ToListAsync(Ct);
        var counter = await restored.Set<RealEstateCrm.Operational.Outbox.OutboxCounter>().SingleAsync(Ct);
        Assert.InRange(customers.Count, 20, insertedAtBackup + 1);
        Assert.Equal(customers.Order(), outbox.Select(m => m.EntityKey).Order());
        Assert.Equal(counter.LastSequence, outbox.Max(m => m.Sequence));
        Assert.Equal(Enumerable.Range(1, outbox.Count).Select(i => (long)i), outbox.Select(m => m.Sequence).Order());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Restoring_into_a_database_with_data_is_refused_unless_forced(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.Create(provider);
        await using (var db = source.Context()) await BackupTestData.Seed(db, customers: 3);
        await using (var db = source.Context()) await new CreateBackup(db).Handle(File("crm.zip"), Ct);
        await using var target = await TestDatabase.Create(provider);
        await using (var db = target.Context())
        {
            await BackupTestData.Seed(db, customers: 7);
            var error = await Assert.ThrowsAsync<DomainException>(() => new RestoreBackup(db).Handle(File("crm.zip"), force: false, Ct));
            Assert.Contains("customer: 7 rows", error.Message);
            Assert.Contains("--force", error.Message);
        }
        await using (var db = target.Context()) Assert.Equal(7, await db.Customers.CountAsync(Ct));

        await using (var db = target.Context()) await new RestoreBackup(db).Handle(File("crm.zip"), force: true, Ct);

        await using var source2 = source.Context();
        await using var read = target.Context();
        Assert.Equal(await BackupTestData.RowCounts(source2), await BackupTestData.RowCounts(read));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_damaged_or_foreign_file_is_refused_and_the_target_is_untouched(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.Create(provider);
        await using (var db = source.Context()) await BackupTestData.Seed(db, customers: 3);
        await using (var db = source.Context()) await new CreateBackup(db).Handle(File("good.zip"), Ct);
        await System.IO.File.WriteAllBytesAsync(File("random.zip"), Enumerable.Range(0, 4096).Select(i => (byte)(i * 37)).ToArray(), Ct);
        Rewrite(File("good.zip"), File("edited.zip"), "tables/customer.jsonl", text => text.Replace("\"C001\"", "\"C00X\""));
        Rewrite(File("good.zip"), File("no-manifest.zip"), BackupManifest.EntryName, null);
        Rewrite(File("good.zip"), File("other-schema.zip"), BackupManifest.EntryName, text => text.Replace("\"name\": \"customer\"", "\"name\": \"client\""));
        await using var target = await TestDatabase.Create(provider);
        await using (var db = target.Context()) await BackupTestData.Seed(db, customers: 5);

        await using (var db = target.Context())
        {
            Assert.Contains("not a readable zip archive", (await Assert.ThrowsAsync<InvalidDataException>(() => new RestoreBackup(db).Handle(File("random.zip"), true, Ct))).Message);
            Assert.Contains("table customer does not match its checksum", (await Assert.ThrowsAsync<InvalidDataException>(() => new RestoreBackup(db).Handle(File("edited.zip"), true, Ct))).Message);
            Assert.Contains("it has no manifest.json", (await Assert.ThrowsAsync<InvalidDataException>(() => new RestoreBackup(db).Handle(File("no-manifest.zip"), true, Ct))).Message);
            var schema = (await Assert.ThrowsAsync<InvalidDataException>(() => new RestoreBackup(db).Handle(File("other-schema.zip"), true, Ct))).Message;
            Assert.Contains("differs from this database's: table client does not exist here; table customer is not in the backup", schema);
        }

        await using var read = target.Context();
        Assert.Equal(5, await read.Customers.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_forced_restore_that_fails_half_way_leaves_the_target_as_it_was(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.Create(provider);
        await using (var db = source.Context()) await BackupTestData.Seed(db, customers: 3);
        await using (var db = source.Context()) await new CreateBackup(db).Handle(File("good.zip"), Ct);
        // Well-formed and with matching checksums, but a lead points at a customer the backup does not hold.
        Rewrite(File("good.zip"), File("orphan.zip"), "tables/lead.jsonl",
            text => System.Text.RegularExpressions.Regex.Replace(text, "\"customer_id\":\"[^\"]+\"", "\"customer_id\":\"00000000-0000-7000-8000-000000000001\""), updateManifest: true);
        await using var target = await TestDatabase.Create(provider);
        await using (var db = target.Context()) await BackupTestData.Seed(db, customers: 5);
        Dictionary<string, int> before;
        await using (var db = target.Context()) before = await BackupTestData.RowCounts(db);

        await using (var db = target.Context())
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => new RestoreBackup(db).Handle(File("orphan.zip"), force: true, Ct));
            Assert.StartsWith("table lead: the database refused the backup's rows", error.Message);
        }

        await using var read = target.Context();
        Assert.Equal(before, await BackupTestData.RowCounts(read));
    }

    [Fact]
    public async Task A_sqlite_backup_restores_into_postgresql()
    {
        await using var sqlite = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await using (var db = sqlite.Context()) await BackupTestData.Seed(db);
        await using (var db = sqlite.Context()) await new CreateBackup(db).Handle(File("sqlite.zip"), Ct);

        await using var postgres = await TestDatabase.Create(DatabaseProvider.Postgres);
        await using (var db = postgres.Context()) await new RestoreBackup(db).Handle(File("sqlite.zip"), force: false, Ct);

        await using var from = sqlite.Context();
        await using var to = postgres.Context();
        Assert.Equal(await BackupTestData.RowCounts(from), await BackupTestData.RowCounts(to));
        var expected = await from.Leads.OrderBy(l => l.LeadNo).FirstAsync(Ct);
        var actual = await to.Leads.SingleAsync(l => l.Id == expected.Id, Ct);
        Assert.Equal((expected.LeadNo, expected.CustomerId, expected.Budget, expected.Channel), (actual.LeadNo, actual.CustomerId, actual.Budget, actual.Channel));
        // PostgreSQL keeps microseconds; SQLite kept the full .NET ticks.
        Assert.Equal(expected.CreatedAt.Ticks / 10, actual.CreatedAt.Ticks / 10);
        var customer = await from.Customers.SingleAsync(c => c.Code == "C001", Ct);
        var copy = await to.Customers.SingleAsync(c => c.Id == customer.Id, Ct);
        Assert.Equal((customer.Name, customer.Address, customer.BirthDate), (copy.Name, copy.Address, copy.BirthDate));
    }

    /// <summary>Copies a backup with one entry changed (or left out when <paramref name="change"/> is null).
    /// With <paramref name="updateManifest"/> the manifest gets the changed entry's checksum, as a forger would.</summary>
    private static void Rewrite(string from, string to, string entryName, Func<string, string>? change, bool updateManifest = false)
    {
        using var input = ZipFile.OpenRead(from);
        using var output = ZipFile.Open(to, ZipArchiveMode.Create);
        var manifest = BackupManifest.FromJson(input.GetEntry(BackupManifest.EntryName)!.Open());
        foreach (var entry in input.Entries)
        {
            if (entry.FullName == entryName && change is null) continue;
            using var reader = new StreamReader(entry.Open());
            var text = entry.FullName == entryName ? change!(reader.ReadToEnd()) : reader.ReadToEnd();
            if (entry.FullName == BackupManifest.EntryName && updateManifest)
                text = System.Text.Encoding.UTF8.GetString((manifest with
                {
                    Tables = manifest.Tables.Select(t => BackupManifest.DataEntry(t.Name) != entryName ? t : t with
                    {
                        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(change!(ReadEntry(input, entryName))))),
                    }).ToList(),
                }).ToJson());
            using var writer = new StreamWriter(output.CreateEntry(entry.FullName).Open());
            writer.Write(text);
        }
    }

    private static string ReadEntry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
