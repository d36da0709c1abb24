using DuckDB.NET.Data;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Batch;

/// <summary>Copies changed operational rows into the warehouse's ods_* mirror through the DuckDB Appender (by way of a
/// staging table where DuckDB casts text columns, <see cref="SourceColumn"/>), and records every touched id (inserted,
/// updated or deleted) in the temp table <c>changed</c>, which tells the transformations which dimension and fact rows to
/// recompute. A full load (<paramref name="full"/>: the warehouse was just emptied, everything is new) records nothing there.
/// Rows read by id also stay in <c>extracted_&lt;table&gt;</c> until the next run, for the transformations to read.</summary>
internal sealed class OdsLoader(WarehouseDatabase warehouse, bool full, Action<long> onRow)
{
    public long Rows { get; private set; }

    public async Task PrepareAsync(IEnumerable<SourceTable> tables, CancellationToken ct)
    {
        // One look at the catalog instead of a CREATE … IF NOT EXISTS per table, in every run's process.
        var existing = (await warehouse.TableNamesAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => !existing.Contains(t.OdsName))) await warehouse.ExecuteAsync(table.CreateOdsSql(), ct);
        await warehouse.ExecuteAsync("CREATE OR REPLACE TEMP TABLE changed (table_name VARCHAR NOT NULL, id UUID NOT NULL)", ct);
    }

    /// <summary>The tables with changes (<see cref="OutboxChanges.Touches"/>), in order.</summary>
    public static IReadOnlyList<SourceTable> Touched(IEnumerable<SourceTable> tables, OutboxChanges changes) =>
        tables.Where(t => changes.Touches(t.Entity)).ToList();

    /// <summary>Loads the <paramref name="touched"/> tables in order, reading ahead on a worker thread, and calls
    /// <paramref name="extracted"/> after each (while the next is being read). <paramref name="db"/> is free again once this
    /// returns.</summary>
    public async Task LoadAsync(CrmDbContext db, IReadOnlyList<SourceTable> touched, OutboxChanges changes,
        Action<SourceTable> starting, Func<SourceTable, Task> extracted, CancellationToken ct)
    {
        var ids = touched.Select(t => changes.Whole(t.Entity) ? null : changes.Ids(t.Entity)).ToList();
        await using var reads = ReadAhead.Start(touched.Select((t, i) => (Func<CancellationToken, IAsyncEnumerable<RowChunk>>)(c => t.ReadAsync(db, ids[i], c))).ToList(), ct);
        // While the first table is read, DuckDB makes room for every table's rows: what goes is known from the outbox.
        for (var i = 0; i < touched.Count; i++) await ClearAsync(touched[i], ids[i], ct);
        for (var i = 0; i < touched.Count; i++)
        {
            starting(touched[i]);
            await LoadAsync(touched[i], byId: ids[i] is not null, touched[i].ScansRaw(db), reads.NextTableAsync(ct), ct);
            await extracted(touched[i]);
        }
    }

    private async Task LoadAsync(SourceTable table, bool byId, bool rawScan, IAsyncEnumerable<RowChunk> chunks, CancellationToken ct)
    {
        // Rows read by id land in a small temp copy first, then in the mirror: the transformations read the changed rows from
        // the copy (SourceTable.ChangedRows) instead of cutting them out of the whole mirror.
        var target = byId ? table.ExtractedName : table.OdsName;
        if (table.CreateStagingSql(rawScan, target) is { } staging) await warehouse.ExecuteAsync(staging, ct);
        using (var appender = warehouse.Connection.CreateAppender(table.AppendTo(rawScan, target)))
        {
            await foreach (var chunk in chunks)
            {
                for (var i = 0; i < chunk.Count; i++)
                {
                    var row = appender.CreateRow();
                    chunk.AppendTo(row, i);
                    row.EndRow();
                    Rows++;
                    onRow(Rows);
                }
                chunk.Release();
            }
        }
        foreach (var sql in table.FromStagingSql(rawScan, target)) await warehouse.ExecuteAsync(sql, ct);
        if (byId) await warehouse.ExecuteAsync($"INSERT INTO {table.OdsName} FROM {target}", ct);
        else if (!full) await warehouse.ExecuteAsync($"INSERT INTO changed SELECT '{table.Name}', id FROM {table.OdsName}", ct);
    }

    /// <summary>Makes room for a table's extracted rows. Extracted whole (<paramref name="ids"/> null): the mirror is emptied,
    /// its ids noted as changed first. Read by id: the ids are noted, their rows deleted from the mirror, and the empty
    /// <see cref="SourceTable.ExtractedName"/> copy the rows will land in is made.</summary>
    private async Task ClearAsync(SourceTable table, IEnumerable<Guid>? ids, CancellationToken ct)
    {
        if (ids is null)
        {
            // Ids that disappear in a whole-table extract are deletions: they count as changed too.
            if (!full) await warehouse.ExecuteAsync($"INSERT INTO changed SELECT '{table.Name}', id FROM {table.OdsName}", ct);
            await warehouse.ExecuteAsync($"DELETE FROM {table.OdsName}", ct);
            return;
        }
        AppendIds(table.Name, ids);
        await warehouse.ExecuteAsync($"DELETE FROM {table.OdsName} WHERE id IN ({SourceTable.ChangedIds(table.Name)})", ct);
        await warehouse.ExecuteAsync($"CREATE OR REPLACE TEMP TABLE {table.ExtractedName} AS FROM {table.OdsName} LIMIT 0", ct);
    }

    private void AppendIds(string tableName, IEnumerable<Guid> ids)
    {
        using var appender = warehouse.Connection.CreateAppender("temp", "main", "changed");
        foreach (var id in ids) appender.CreateRow().AppendValue(tableName).AppendValue(id).EndRow();
    }

    internal static void Append(IDuckDBAppenderRow row, object? value)
    {
        switch (value)
        {
            case null: row.AppendNullValue(); break;
            case Guid v: row.AppendValue(v); break;
            case string v: row.AppendValue(v); break;
            case int v: row.AppendValue(v); break;
            case long v: row.AppendValue(v); break;
            case bool v: row.AppendValue(v); break;
            case decimal v: row.AppendValue(v); break;
            case double v: row.AppendValue(v); break;
            case DateTime v: row.AppendValue(v); break;
            case DateOnly v: row.AppendValue(v); break;
            // Enums are stored by name, as the operational DB stores them.
            default: row.AppendValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }
}
