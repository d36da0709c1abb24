using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Outbox;

namespace RealEstateCrm.Etl.Batch;

/// <summary>What changed in the operational DB after a watermark, read from the outbox: per entity, either
/// the changed ids or "everything" (a bulk-load row, or a full rebuild), and for each changed id where its row comes from.</summary>
internal sealed class OutboxChanges
{
    private readonly Dictionary<string, HashSet<Guid>> _ids = new(StringComparer.Ordinal);
    // Per entity, the changed ids whose row still exists: the insert's payload when nothing followed the insert, null when
    // the row must be read from its table. An id deleted last is not here: there is nothing to read.
    private readonly Dictionary<string, Dictionary<Guid, string?>> _rows = new(StringComparer.Ordinal);
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
        // Only an insert's payload is the row as stored (InsertPayload says why), so only inserts bring theirs.
        var rows = db.OutboxMessages.AsNoTracking().Where(m => m.Sequence > watermark && m.Sequence <= last)
            .OrderBy(m => m.Sequence)
            .Select(m => new { m.Entity, m.EntityKey, m.Operation, Payload = m.Operation == OutboxOperations.Insert ? m.Payload : null })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            changes.Events++;
            if (row.Operation == OutboxOperations.BulkLoad) changes._whole.Add(row.Entity);
            else if (Guid.TryParse(row.EntityKey, out var id)) changes.Note(row.Entity, id, row.Operation, row.Payload);
        }
        return changes;
    }

    private static async Task<long> LastSequenceAsync(CrmDbContext db, CancellationToken ct) =>
        await db.OutboxMessages.MaxAsync(m => (long?)m.Sequence, ct) ?? 0;

    /// <summary>One change to an id, in sequence order: the last one decides where the row comes from.</summary>
    private void Note(string entity, Guid id, string operation, string? payload)
    {
        if (!_ids.TryGetValue(entity, out var ids)) _ids[entity] = ids = [];
        ids.Add(id);
        if (!_rows.TryGetValue(entity, out var rows)) _rows[entity] = rows = [];
        if (operation == OutboxOperations.Delete) rows.Remove(id);
        else rows[id] = operation == OutboxOperations.Insert ? payload : null;
    }

    /// <summary>Whether <paramref name="entity"/> must be extracted in full.</summary>
    public bool Whole(string entity) => _whole.Contains(entity);

    /// <summary>Whether anything of <paramref name="entity"/> is to be extracted (or checked for deletion).</summary>
    public bool Touches(string entity) => Whole(entity) || Ids(entity).Count > 0;

    /// <summary>The changed ids of <paramref name="entity"/> (empty when none or when it is extracted whole).</summary>
    public IReadOnlyCollection<Guid> Ids(string entity) => _ids.TryGetValue(entity, out var ids) ? ids : [];

    /// <summary>The current rows of <paramref name="table"/>'s changed ids (all its rows when it is extracted whole), in
    /// <see cref="SourceTable.Columns"/> order and read as each column says: a row inserted after the watermark and not
    /// changed since is taken from its insert's payload, every other row is read from the table by id.</summary>
    public async IAsyncEnumerable<object?[]> RowsAsync(SourceTable table, CrmDbContext db, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (Whole(table.Entity))
        {
            await foreach (var row in table.ReadAsync(db, null, ct)) yield return row;
            yield break;
        }
        if (!_rows.TryGetValue(table.Entity, out var rows)) yield break;
        var toRead = new List<Guid>();
        foreach (var (id, payload) in rows)
        {
            if (payload is not null && InsertPayload.Row(table, payload) is { } row) yield return row;
            else toRead.Add(id);
        }
        if (toRead.Count == 0) yield break;
        // In key order (a GUID's order is its text's, as SQLite and PostgreSQL order the key), so the chunks of ids read one
        // after the other sweep the key index once instead of each chunk jumping all over it: on a file larger than the page
        // cache the reads by id are the run.
        toRead.Sort();
        await foreach (var row in table.ReadAsync(db, toRead, ct)) yield return row;
    }
}
