using System.Data.Common;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Backup;

/// <summary>Loads a backup written by <see cref="CreateBackup"/> into a migrated database of any provider. The
/// file is checked completely first (format, schema, every table's row count and SHA-256); then, in one
/// transaction, the target is emptied and every table loaded in foreign-key order. Rows are written as they
/// are, outbox and audit tables included, so the outbox sequence carries on where the source stopped and no
/// outbox rows are invented for the restore. Any failure rolls the whole restore back.</summary>
public sealed class RestoreBackup(CrmDbContext db)
{
    /// <summary>Values per INSERT statement: multi-row inserts cut round trips, and this stays far below
    /// every provider's parameter limit (SQL Server's 2,100 is the lowest).</summary>
    private const int ValuesPerStatement = 1000;

    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

    public async Task<BackupManifest> Handle(string path, bool force, CancellationToken ct = default)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no such backup file: {path}", path);
        await using var file = File.OpenRead(path);
        using var zip = OpenZip(file, path);
        var manifest = await ReadManifest(zip, ct);
        var tables = StoredTable.All(db);
        CheckSchema(manifest, tables);
        await Verify(zip, manifest, ct);

        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            throw new DomainException("the target database is not migrated to this build's schema; run crm migrate first");

        var plan = TableOrder.Plan(tables);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!force) await RefuseIfOccupied(tables, ct);
        await Empty(plan, ct);
        StoredTable? current = null;
        try
        {
            foreach (var table in plan.Tables)
            {
                current = table;
                var loaded = await Load(zip, table, plan.DeferredOf(table), ct);
                var expected = manifest.Tables.Single(t => t.Name == table.Name).Rows;
                if (loaded != expected) throw new InvalidDataException($"table {table.Name}: loaded {loaded} rows, the manifest lists {expected}");
            }
            foreach (var table in plan.Tables.Where(t => plan.DeferredOf(t).Count > 0))
            {
                current = table;
                await FillDeferred(zip, table, plan.DeferredOf(table), ct);
            }
        }
        catch (DbException e)
        {
            // Rows that break a key or a constraint here passed the checksum: the backup was made consistent but wrong.
            throw new InvalidDataException($"table {current!.Name}: the database refused the backup's rows ({e.Message}); nothing was restored", e);
        }
        if (db.Provider == DatabaseProvider.Postgres) await ResetIdentitySequences(tables, ct);
        await transaction.CommitAsync(ct);
        return manifest;
    }

    private static ZipArchive OpenZip(Stream file, string path)
    {
        try
        {
            return new ZipArchive(file, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path} is not a RealEstateCrm backup: not a readable zip archive ({e.Message})", e);
        }
    }

    private static async Task<BackupManifest> ReadManifest(ZipArchive zip, CancellationToken ct)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName)
                    ?? throw new InvalidDataException($"not a RealEstateCrm backup: it has no {BackupManifest.EntryName}");
        await using var json = await entry.OpenAsync(ct);
        var manifest = BackupManifest.FromJson(json);
        if (manifest.FormatVersion > BackupManifest.CurrentVersion)
            throw new InvalidDataException($"the backup has format version {manifest.FormatVersion}; this build reads up to {BackupManifest.CurrentVersion}");
        return manifest;
    }

    /// <summary>Table and column names must match: the backup's schema (its migration) is the one this build creates.</summary>
    private static void CheckSchema(BackupManifest manifest, IReadOnlyList<StoredTable> tables)
    {
        var current = tables.ToDictionary(t => t.Name);
        var problems = new List<string>();
        foreach (var table in manifest.Tables)
        {
            if (!current.TryGetValue(table.Name, out var model)) { problems.Add($"table {table.Name} does not exist here"); continue; }
            foreach (var missing in model.ColumnNames.Except(table.Columns)) problems.Add($"{table.Name}.{missing} is not in the backup");
            foreach (var extra in table.Columns.Except(model.ColumnNames)) problems.Add($"{table.Name}.{extra} does not exist here");
        }
        foreach (var missing in current.Keys.Except(manifest.Tables.Select(t => t.Name))) problems.Add($"table {missing} is not in the backup");
        if (problems.Count > 0)
            throw new InvalidDataException($"the backup's schema (migration {manifest.Migration}, {manifest.Provider}) differs from this database's: {string.Join("; ", problems.Take(10))}");
    }

    private static async Task Verify(ZipArchive zip, BackupManifest manifest, CancellationToken ct)
    {
        var buffer = new byte[81920];
        foreach (var table in manifest.Tables)
        {
            var entry = zip.GetEntry(BackupManifest.DataEntry(table.Name))
                        ?? throw new InvalidDataException($"the backup is damaged: {BackupManifest.DataEntry(table.Name)} is missing");
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long lines = 0;
            try
            {
                await using var data = await entry.OpenAsync(ct);
                int read;
                while ((read = await data.ReadAsync(buffer, ct)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    lines += buffer.AsSpan(0, read).Count((byte)'\n');
                }
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"the backup is damaged: {entry.FullName} cannot be decompressed ({e.Message})", e);
            }
            if (Convert.ToHexStringLower(sha.GetHashAndReset()) != table.Sha256)
                throw new InvalidDataException($"the backup is damaged: table {table.Name} does not match its checksum");
            if (lines != table.Rows)
                throw new InvalidDataException($"the backup is damaged: table {table.Name} has {lines} rows, the manifest lists {table.Rows}");
        }
    }

    private async Task RefuseIfOccupied(IReadOnlyList<StoredTable> tables, CancellationToken ct)
    {
        // Migrations seed a few rows (the outbox counter, business parameters): a database holding only those is empty.
        var designModel = db.GetService<IDesignTimeModel>().Model;
        var occupied = new List<string>();
        foreach (var table in tables)
        {
            await using var count = Command($"SELECT COUNT(*) FROM {Quote(table.Name)}");
            var rows = Convert.ToInt64(await count.ExecuteScalarAsync(ct));
            var seeded = designModel.FindEntityType(table.EntityType.Name)?.GetSeedData().Count() ?? 0;
            if (rows > seeded) occupied.Add($"{table.Name}: {rows} rows");
        }
        if (occupied.Count > 0)
            throw new DomainException($"the target database is not empty ({string.Join(", ", occupied)}); restore into an empty database, or pass --force to replace everything in it");
    }

    private async Task Empty(TableOrder plan, CancellationToken ct)
    {
        foreach (var table in plan.Tables.Where(t => plan.DeferredOf(t).Count > 0))
        {
            await using var clear = Command($"UPDATE {Quote(table.Name)} SET {string.Join(", ", plan.DeferredOf(table).Select(c => $"{Quote(c.GetColumnName())} = NULL"))}");
            await clear.ExecuteNonQueryAsync(ct);
        }
        foreach (var table in plan.Tables.Reverse())
        {
            await using var delete = Command($"DELETE FROM {Quote(table.Name)}");
            await delete.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task<long> Load(ZipArchive zip, StoredTable table, IReadOnlyList<IProperty> deferred, CancellationToken ct)
    {
        var deferredIndexes = deferred.Select(p => table.Columns.ToList().IndexOf(p)).ToArray();
        var perStatement = Math.Max(1, ValuesPerStatement / table.Columns.Count);
        var batch = new List<object?[]>(perStatement);
        var identity = db.Provider == DatabaseProvider.SqlServer && IdentityColumns(table).Any();
        if (identity) await Execute($"SET IDENTITY_INSERT {Quote(table.Name)} ON", ct);
        long loaded = 0;
        await foreach (var row in Rows(zip, table, ct))
        {
            foreach (var i in deferredIndexes) row[i] = null;
            batch.Add(row);
            if (batch.Count < perStatement) continue;
            loaded += await Insert(table, batch, ct);
            batch.Clear();
        }
        if (batch.Count > 0) loaded += await Insert(table, batch, ct);
        if (identity) await Execute($"SET IDENTITY_INSERT {Quote(table.Name)} OFF", ct);
        return loaded;
    }

    private async Task<int> Insert(StoredTable table, List<object?[]> rows, CancellationToken ct)
    {
        await using var command = Command("");
        var text = new StringBuilder($"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.ColumnNames.Select(Quote))}) VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < table.Columns.Count; c++)
                text.Append(c == 0 ? "" : ", ").Append(Parameter(command, table.Columns[c], rows[r][c]));
            text.Append(')');
        }
        command.CommandText = text.ToString();
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Writes the foreign keys that close cycles, now that every row they point at exists.</summary>
    private async Task FillDeferred(ZipArchive zip, StoredTable table, IReadOnlyList<IProperty> deferred, CancellationToken ct)
    {
        var columns = table.Columns.ToList();
        var key = table.EntityType.FindPrimaryKey()!.Properties;
        await foreach (var row in Rows(zip, table, ct))
        {
            if (deferred.All(p => row[columns.IndexOf(p)] is null)) continue;
            await using var update = Command("");
            var set = string.Join(", ", deferred.Select(p => $"{Quote(p.GetColumnName())} = {Parameter(update, p, row[columns.IndexOf(p)])}"));
            var where = string.Join(" AND ", key.Select(p => $"{Quote(p.GetColumnName())} = {Parameter(update, p, row[columns.IndexOf(p)])}"));
            update.CommandText = $"UPDATE {Quote(table.Name)} SET {set} WHERE {where}";
            await update.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Identity columns were written with explicit values; PostgreSQL's sequence must continue after the largest.</summary>
    private async Task ResetIdentitySequences(IReadOnlyList<StoredTable> tables, CancellationToken ct)
    {
        foreach (var table in tables)
        foreach (var column in IdentityColumns(table).Select(c => c.GetColumnName()))
            await Execute($"SELECT setval(pg_get_serial_sequence('{table.Name}', '{column}'), COALESCE((SELECT MAX({Quote(column)}) FROM {Quote(table.Name)}), 0) + 1, false)", ct);
    }

    private static IEnumerable<IProperty> IdentityColumns(StoredTable table) =>
        table.EntityType.FindPrimaryKey()!.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(long) || p.ClrType == typeof(int)));

    private static async IAsyncEnumerable<object?[]> Rows(ZipArchive zip, StoredTable table, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var data = await zip.GetEntry(BackupManifest.DataEntry(table.Name))!.OpenAsync(ct);
        using var reader = new StreamReader(data, Encoding.UTF8);
        var number = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            object?[] row;
            try
            {
                row = RowJson.Read(line, table);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"the backup is damaged: {BackupManifest.DataEntry(table.Name)} line {number} is not a row of {table.Name} ({e.Message})", e);
            }
            yield return row;
        }
    }

    private string Parameter(DbCommand command, IProperty property, object? value)
    {
        var name = _sql.GenerateParameterName($"p{command.Parameters.Count}");
        command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
        return name;
    }

    private async Task Execute(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private DbCommand Command(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return command;
    }

    private string Quote(string identifier) => _sql.DelimitIdentifier(identifier);
}
