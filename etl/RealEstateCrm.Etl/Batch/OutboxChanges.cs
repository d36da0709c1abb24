using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Outbox;

namespace RealEstateCrm.Etl.Batch;

/// <summary>What changed in the operational DB after a watermark, read from the outbox: per entity, either
/// the changed ids or "everything" (a bulk-load row, or a full rebuild).</summary>
internal sealed class OutboxChanges
{
    private readonly Dictionary<string, HashSet<Guid>> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _whole = new(StringComparer.Ordinal);

    public long FromSequence { get; private init; }
    public long ToSequence { get; private init; }
    public long Events { get; private set; }

    /// <summary>Every table in full, up to the current end of the outbox.</summary>
    public static async Task<OutboxChanges> EverythingAsync(CrmDbContext db, CancellationToken ct)
    {
        var changes = new OutboxChanges { ToSequence = await LastSequenceAsync(db, ct) };
        changes._whole.UnionWith(SourceTable.Names);
        return changes;
    }

    /// <summary>The outbox rows after <paramref name="watermark"/>. The sequence is gap-free and handed out in
    /// commit order, so every row up to the last sequence read now is already committed.</summary>
    public static async Task<OutboxChanges> SinceAsync(CrmDbContext db, long watermark, CancellationToken ct)
    {
        var last = await LastSequenceAsync(db, ct);
        var changes = new OutboxChanges { FromSequence = watermark, ToSequence = last };
        var outbox = OutboxTable.Of(db);
        var select = $"SELECT {outbox.Entity}, {outbox.EntityKey}, {outbox.Operation} FROM {outbox.Table} WHERE {outbox.Sequence} > @from AND {outbox.Sequence} <= @to";
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.IsSqlite()) SqliteOutboxRead.Read(db, select, watermark, last, changes.Add);
            else
            {
                await using var command = outbox.Command(db, select, ("@from", watermark), ("@to", last));
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) changes.Add(reader.GetString(0), reader.GetString(1), reader.GetString(2) == OutboxOperations.BulkLoad);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return changes;
    }

    private void Add(string entity, ReadOnlySpan<char> key, bool bulkLoad)
    {
        Events++;
        if (bulkLoad) _whole.Add(entity);
        else if (Guid.TryParse(key, out var id)) IdsOf(entity).Add(id);
    }

    private static async Task<long> LastSequenceAsync(CrmDbContext db, CancellationToken ct)
    {
        var outbox = OutboxTable.Of(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = outbox.Command(db, $"SELECT max({outbox.Sequence}) FROM {outbox.Table}");
            return await command.ExecuteScalarAsync(ct) is { } last and not DBNull ? Convert.ToInt64(last, CultureInfo.InvariantCulture) : 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private HashSet<Guid> IdsOf(string entity)
    {
        if (!_ids.TryGetValue(entity, out var ids)) _ids[entity] = ids = [];
        return ids;
    }

    /// <summary>Whether <paramref name="entity"/> must be extracted in full.</summary>
    public bool Whole(string entity) => _whole.Contains(entity);

    /// <summary>Whether anything of <paramref name="entity"/> is to be extracted (or checked for deletion).</summary>
    public bool Touches(string entity) => Whole(entity) || Ids(entity).Count > 0;

    /// <summary>The changed ids of <paramref name="entity"/> (empty when none or when it is extracted whole).</summary>
    public IReadOnlyCollection<Guid> Ids(string entity) => _ids.TryGetValue(entity, out var ids) ? ids : [];
}
