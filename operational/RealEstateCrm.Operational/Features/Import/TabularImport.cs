using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Operational.Features.Import;

/// <summary>The result of an import: rows added and rows that matched an existing record by its natural key.</summary>
public sealed record ImportResult(int Inserted, int Updated);

/// <summary>A data row that passed cell validation: its natural key, the changes its cells make, and the
/// cells themselves for the importer's reference lookups.</summary>
public sealed record ParsedRow<TEntity>(ImportRow Cells, string Key, List<Action<TEntity>> Changes);

/// <summary>Upserts a spreadsheet into one table by a natural key. The whole file is validated first
/// (headers, every cell, duplicate keys, references to other records) and nothing is written unless all
/// of it is valid; then it is written in one transaction, saved in batches so a large file does not hold
/// every entity in the change tracker. Saving goes through <see cref="CrmDbContext"/>, so each change gets
/// its outbox row and audit entry.</summary>
public abstract class TabularImport<TEntity>(CrmDbContext db) where TEntity : class
{
    /// <summary>Rows saved per SaveChanges: large enough to amortise round trips, small enough to keep the tracker light.</summary>
    public const int BatchSize = 1000;

    protected CrmDbContext Db => db;

    protected abstract IReadOnlyList<ImportField<TEntity>> Fields { get; }

    /// <summary>The field named in a duplicate-key error.</summary>
    protected abstract string KeyField { get; }

    protected abstract string KeyOf(ImportRow row);

    /// <summary>Checks references to other records (reporting bad ones on the row), adds the changes that set
    /// them, and returns the existing records by key.</summary>
    protected abstract Task<IReadOnlyDictionary<string, TEntity>> Resolve(IReadOnlyList<ParsedRow<TEntity>> rows, CancellationToken ct);

    /// <summary>A blank new record; the row's changes fill it in.</summary>
    protected abstract TEntity Create();

    /// <summary>Called for an existing record the file actually changed (not for rows equal to what is stored).</summary>
    protected virtual void Touch(TEntity entity) { }

    public async Task<ImportResult> Handle(TabularFile file, CancellationToken ct = default)
    {
        var ignored = StoredTable.All(db).Single(t => t.EntityType.ClrType == typeof(TEntity)).ColumnNames;
        var header = ImportHeader.Map(file.Headers, Fields, ignored);
        var errors = new ImportErrors();
        var rows = new List<ParsedRow<TEntity>>(file.Rows.Count);
        var firstLineOf = new Dictionary<string, int>();
        foreach (var tabularRow in file.Rows)
        {
            var row = new ImportRow(tabularRow, header, errors);
            var before = errors.Count;
            var changes = new List<Action<TEntity>>();
            foreach (var field in Fields.Where(f => header.Has(f.Name)))
            {
                if (field.IsRequired && row.Cell(field.Name) is null) row.Error(field.Name, "is required");
                else if (field.Read(row) is { } change) changes.Add(change);
            }
            if (errors.Count > before) continue;
            var key = KeyOf(row);
            if (firstLineOf.TryGetValue(key, out var first)) row.Error(KeyField, $"\"{row.Cell(KeyField)}\" is already on line {first}");
            else
            {
                firstLineOf[key] = row.Line;
                rows.Add(new ParsedRow<TEntity>(row, key, changes));
            }
        }
        // Reference checks run on the rows whose cells are fine, and add to the same error list.
        var existing = await Resolve(rows, ct);
        errors.ThrowIfAny();
        return await Write(rows, existing, ct);
    }

    private async Task<ImportResult> Write(List<ParsedRow<TEntity>> rows, IReadOnlyDictionary<string, TEntity> existing, CancellationToken ct)
    {
        int inserted = 0, updated = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var batch in rows.Chunk(BatchSize))
        {
            foreach (var row in batch)
            {
                if (existing.TryGetValue(row.Key, out var entity))
                {
                    // Loaded untracked: attaching snapshots the stored values, so only changed columns are updated (and audited).
                    var entry = db.Attach(entity);
                    foreach (var change in row.Changes) change(entity);
                    entry.DetectChanges();
                    if (entry.State == EntityState.Modified) Touch(entity);
                    updated++;
                }
                else
                {
                    entity = Create();
                    foreach (var change in row.Changes) change(entity);
                    db.Add(entity);
                    inserted++;
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
        return new ImportResult(inserted, updated);
    }
}
