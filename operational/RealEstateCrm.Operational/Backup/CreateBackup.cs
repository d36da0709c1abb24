using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Operational.Backup;

/// <summary>Writes every table to a provider-neutral backup file (a zip of <c>manifest.json</c> and one JSON-lines
/// file per table) while the database stays in use. All tables are read inside one snapshot transaction, so
/// the file holds one moment of the database: every outbox row with its change, the counter at the last
/// sequence. Readers and writers are not blocked (SQLite in WAL mode, PostgreSQL MVCC).</summary>
public sealed class CreateBackup(CrmDbContext db)
{
    public async Task<BackupManifest> Handle(string path, CancellationToken ct = default)
    {
        var migration = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
        var partial = path + ".partial";
        var tables = new List<BackupTable>();
        BackupManifest manifest;
        // Written beside the target and moved at the end: a failed backup never leaves a truncated file under the real name.
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            await using var snapshot = await db.BeginReadSnapshotAsync(ct);
            var createdAt = DateTime.UtcNow;
            foreach (var table in StoredTable.All(db))
                tables.Add(await WriteTable(zip, table, ct));
            await snapshot.CommitAsync(ct);

            manifest = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentVersion, db.Provider.ToString(), migration, createdAt, tables);
            await using var entry = await zip.CreateEntry(BackupManifest.EntryName).OpenAsync(ct);
            await entry.WriteAsync(manifest.ToJson(), ct);
        }
        File.Move(partial, path, overwrite: true);
        return manifest;
    }

    private async Task<BackupTable> WriteTable(ZipArchive zip, StoredTable table, CancellationToken ct)
    {
        await using var entry = await zip.CreateEntry(BackupManifest.DataEntry(table.Name), CompressionLevel.Fastest).OpenAsync(ct);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new ArrayBufferWriter<byte>();
        long rows = 0;
        await foreach (var row in table.ReadRows(db, ct))
        {
            line.ResetWrittenCount();
            RowJson.Write(line, table, row);
            line.Write("\n"u8);
            sha.AppendData(line.WrittenSpan);
            await entry.WriteAsync(line.WrittenMemory, ct);
            rows++;
        }
        return new BackupTable(table.Name, rows, Convert.ToHexStringLower(sha.GetHashAndReset()), table.ColumnNames);
    }
}
