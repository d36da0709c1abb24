using System.Globalization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Batch;

/// <summary>The outcome of one ETL run.</summary>
public sealed record EtlRunResult(long RunId, string Mode, long FromSequence, long ToSequence, long OutboxEvents, long RowsExtracted,
    IReadOnlyList<DataQualityResult> DataQuality)
{
    public bool DataQualityPassed => DataQuality.All(r => r.Passed);

    /// <summary>The deleted rows DuckDB stored before and after the weekly compaction this run made; null if it made none.</summary>
    public (long DeadRowsBefore, long DeadRowsAfter)? Compaction { get; init; }
}

/// <summary>Progress of a run, for the CLI: a step name and the rows extracted so far.</summary>
public sealed record EtlProgress(string Step, long RowsExtracted);

/// <summary>The batch ETL: extracts what the outbox says changed since the watermark, transforms and loads
/// it into the star schema, and commits the new watermark in the same DuckDB transaction as the rows, so
/// a run either happens completely or not at all and a re-run after a crash picks up the same changes.</summary>
public sealed class NightlyEtl(CrmDatabase operational, WarehouseDatabase warehouse, TimeProvider clock)
{
    private const string Source = "outbox";
    // Business dates (snapshot days) are Beijing dates, whatever the server's time zone.
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    // Whether this warehouse's ods_* tables exist for sure: set once a run that created them has committed.
    private bool _mirrorCreated;

    /// <summary>Test hook: throw after this many extracted rows, inside the load transaction, to simulate a crash.</summary>
    public long? CrashAfterRows { get; init; }

    /// <summary>Test hook: runs after the outbox is read and before any row is, as an operational write racing the run would.</summary>
    public Func<Task>? AfterOutboxRead { get; init; }

    // What one apply does: the nightly run (incremental or full) and a streaming micro-batch share every step
    // and the watermark; they differ only in the snapshots, the checks, whether an empty outbox is a run, and whether
    // DuckDB runs on one thread (the nightly run: measured cheaper on 2 cores; a micro-batch was tuned as it is).
    private sealed record Plan(string Mode, bool Full, bool Snapshots, bool DataQuality, bool SkipWhenNothingNew, bool OneDuckDbThread);

    /// <summary>How often a nightly run compacts the warehouse (<see cref="WarehouseDatabase.CompactAsync"/>): the loads
    /// leave their deleted rows in place, and one compaction a week cost less than a vacuum in every commit.</summary>
    public static readonly TimeSpan CompactionInterval = TimeSpan.FromDays(7);

    public Task<EtlRunResult> RunAsync(bool full = false, IProgress<EtlProgress>? progress = null, CancellationToken ct = default) =>
        WarehouseWriter.Of(warehouse).UseAsync(async _ =>
        {
            var result = (await ApplyAsync(new Plan(full ? "full" : "incremental", full, Snapshots: true, DataQuality: true, SkipWhenNothingNew: false, OneDuckDbThread: true), progress, ct))!;
            return result with { Compaction = await CompactIfDueAsync(result.RowsExtracted, progress, ct) };
        }, ct);

    // A load from nothing recorded itself as a compaction in its transaction, so only an incremental run can find one due:
    // a week after the last, or at once in a warehouse loaded before compactions were recorded.
    private async Task<(long DeadRowsBefore, long DeadRowsAfter)?> CompactIfDueAsync(long rows, IProgress<EtlProgress>? progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await warehouse.LastCompactedAsync(ct) is { } last && now - last < CompactionInterval) return null;
        progress?.Report(new EtlProgress("compact", rows));
        return await warehouse.CompactAsync("weekly", now, ct);
    }

    /// <summary>A streaming micro-batch: the same extraction, transformation, load and watermark commit as a run,
    /// without the daily snapshots (they belong to the nightly run) and with data-quality checks only when asked.
    /// Null when the outbox holds nothing after the watermark (no run is recorded).</summary>
    public Task<EtlRunResult?> ApplyMicroBatchAsync(bool dataQuality = false, CancellationToken ct = default) =>
        WarehouseWriter.Of(warehouse).UseAsync(_ =>
            ApplyAsync(new Plan("stream", Full: false, Snapshots: false, dataQuality, SkipWhenNothingNew: true, OneDuckDbThread: false), null, ct), ct);

    /// <summary>The last outbox sequence loaded. Call it inside <see cref="WarehouseWriter.UseAsync{T}"/>.</summary>
    public static async Task<long> WatermarkAsync(WarehouseDatabase warehouse, CancellationToken ct = default) =>
        Convert.ToInt64(await warehouse.ScalarAsync($"SELECT coalesce(max(last_sequence), 0) FROM etl_watermark WHERE source = '{Source}'", ct), CultureInfo.InvariantCulture);

    private async Task<EtlRunResult?> ApplyAsync(Plan plan, IProgress<EtlProgress>? progress, CancellationToken ct)
    {
        var (mode, full) = (plan.Mode, plan.Full);
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var watermark = full ? 0 : await WatermarkAsync(warehouse, ct);
        OutboxChanges? changes = null;
        long rows = 0;
        // A full load checks the whole warehouse; an incremental run only where its changes can have broken something.
        DataQualityScope? checkScope = null;
        Task<long[]>? operationalCounts = null;
        var runId = Convert.ToInt64(await warehouse.ScalarAsync("SELECT coalesce(max(run_id), 0) + 1 FROM etl_run", ct), CultureInfo.InvariantCulture);
        try
        {
            await using var db = operational.CreateContext("etl");
            // One moment of the operational DB for the outbox and every row read after it: a change committed while the run
            // reads waits for the next run instead of landing ahead of its outbox row. On SQLite it also spares each read by
            // id taking and releasing the file's shared lock.
            await using var snapshot = await db.BeginReadSnapshotAsync(ct);
            changes = full ? await OutboxChanges.EverythingAsync(db, ct) : await OutboxChanges.SinceAsync(db, watermark, ct);
            if (plan.SkipWhenNothingNew && changes.Events == 0) return null;
            if (AfterOutboxRead is not null) await AfterOutboxRead();
            // The operational counts for the checks read while the rows are read, in the same snapshot.
            await using var counts = plan.DataQuality ? await SnapshotCounts.StartAsync(operational, db, ct) : null;
            // Declared before the transaction, so it is restored after the transaction ends, whichever way.
            await using var threads = plan.OneDuckDbThread ? await DuckDbThreadLimit.OneThreadAsync(warehouse, ct) : null;
            await using var transaction = await warehouse.Connection.BeginTransactionAsync(ct);
            if (full) await ClearAsync(ct);
            // A load from nothing writes every table afresh: it counts as a compaction, and starts the weekly clock.
            if (watermark == 0) await warehouse.RecordCompactionAsync(full ? "full load" : "first load", startedAt, ct);
            await SetVariablesAsync(startedAt, ct);

            var loader = new OdsLoader(warehouse, full, extracted =>
            {
                if (extracted == CrashAfterRows) throw new SimulatedCrashException(extracted);
                if (extracted % 10_000 == 0) progress?.Report(new EtlProgress("extract", extracted));
            });
            var tables = SourceTable.All(db);
            // The mirror tables outlive every run (a full load empties them): creating them is needed once per warehouse, not per micro-batch.
            await loader.PrepareAsync(_mirrorCreated ? [] : tables, ct);
            var touched = OdsLoader.Touched(tables, changes);
            var names = touched.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            if (!full) checkScope = DataQualityScope.Incremental(names, plan.Snapshots);
            var byId = touched.Where(t => !full && !changes.Whole(t.Entity)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            var statements = Dimensions.Statements(names, full, byId).Concat(RollupRefresh.Around(Facts.Statements(names, full, byId), full));
            if (plan.Snapshots) statements = statements.Concat(Facts.SnapshotStatements());
            // The transformations of the tables extracted first run while the rest is read.
            var transforms = new TransformQueue(warehouse, statements, names);
            await loader.LoadAsync(db, touched, changes,
                starting: table => progress?.Report(new EtlProgress($"extract {table.Name}", loader.Rows)),
                extracted: table => transforms.ExtractedAsync(table.Name, ct), ct);
            rows = loader.Rows;
            operationalCounts = counts?.Counts(db, ct);

            progress?.Report(new EtlProgress("transform and load", rows));
            await transforms.RunRestAsync(ct);
            await EnsureDatesAsync(Facts.ExtractedDates(names, full, byId), ct);

            await warehouse.ExecuteAsync($"DELETE FROM etl_watermark WHERE source = '{Source}'", ct);
            await warehouse.ExecuteAsync($"INSERT INTO etl_watermark VALUES ('{Source}', {changes.ToSequence})", ct);
            RecordRun(runId, mode, startedAt, watermark, changes.ToSequence, rows, "succeeded", null);
            // A step of its own: DuckDB checkpoints at the commit, single-threaded, a second or more of a large run.
            progress?.Report(new EtlProgress("commit", rows));
            await transaction.CommitAsync(ct);
            _mirrorCreated = true;
        }
        catch (Exception e)
        {
            // The load transaction rolled back (nothing of the run is left); the failure itself is worth keeping. Counts
            // already started are not needed (SnapshotCounts observed their own failure, if any).
            RecordRun(runId, mode, startedAt, watermark, changes?.ToSequence ?? watermark, rows, "failed", e.Message);
            throw;
        }

        if (!plan.DataQuality) return new EtlRunResult(runId, mode, watermark, changes.ToSequence, changes.Events, rows, []);
        progress?.Report(new EtlProgress("data-quality checks", rows));
        var quality = await DataQualityChecks.RunAsync(operationalCounts!, warehouse, checkScope, ct);
        Store(runId, quality);
        return new EtlRunResult(runId, mode, watermark, changes.ToSequence, changes.Events, rows, quality);
    }

    private async Task ClearAsync(CancellationToken ct)
    {
        foreach (var table in await warehouse.TableNamesAsync(ct))
            if (table.StartsWith("dim_", StringComparison.Ordinal) && table is not ("dim_date" or "dim_time_of_day")
                || table.StartsWith("fact_", StringComparison.Ordinal) || table.StartsWith("ods_", StringComparison.Ordinal) || table == "etl_watermark")
                await warehouse.ExecuteAsync($"DELETE FROM {table}", ct);
    }

    private async Task SetVariablesAsync(DateTime startedAt, CancellationToken ct)
    {
        var snapshotDate = DateOnly.FromDateTime(startedAt + ChinaStandardTime);
        await warehouse.ExecuteAsync($"SET VARIABLE as_of = TIMESTAMP '{startedAt:yyyy-MM-dd HH:mm:ss.ffffff}'", ct);
        await warehouse.ExecuteAsync($"SET VARIABLE snapshot_date = DATE '{snapshotDate:yyyy-MM-dd}'", ct);
    }

    /// <summary>dim_date covers every day from the earliest fact date through the snapshot date, without a gap.</summary>
    private async Task EnsureDatesAsync(string extractedDates, CancellationToken ct)
    {
        // Only the dates of the facts this run added are read (a scan of every fact cost 0.15-0.4 s of each run at the large
        // scale): the days of every other fact are there since the run that added it, and dim_date is never cut back. The
        // last day already there joins the range, so a run days after the last one fills the days between.
        await using var command = warehouse.Connection.CreateCommand();
        command.CommandText = $"""
            SELECT least(x.lo, (SELECT max(full_date) FROM dim_date)), greatest(x.hi, getvariable('snapshot_date'))
            FROM ({extractedDates}) x(lo, hi)
            """;
        object? first, last;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (first, last) = (reader.IsDBNull(0) ? null : reader.GetValue(0), reader.GetValue(1));
        }
        var to = AsDate(last)!.Value;
        await warehouse.EnsureDatesAsync(AsDate(first) ?? to, to, ct);
    }

    private static DateOnly? AsDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => null,
    };

    private void RecordRun(long runId, string mode, DateTime startedAt, long from, long to, long rows, string status, string? error)
    {
        using var appender = warehouse.Connection.CreateAppender("etl_run");
        var row = appender.CreateRow().AppendValue(runId).AppendValue(mode).AppendValue(startedAt).AppendValue(clock.GetUtcNow().UtcDateTime)
            .AppendValue(from).AppendValue(to).AppendValue(rows).AppendValue(status);
        (error is null ? row.AppendNullValue() : row.AppendValue(error)).EndRow();
    }

    private void Store(long runId, IReadOnlyList<DataQualityResult> results)
    {
        using var appender = warehouse.Connection.CreateAppender("etl_dq_result");
        foreach (var r in results)
            appender.CreateRow().AppendValue(runId).AppendValue(r.CheckKind).AppendValue(r.Subject).AppendValue(r.Expected).AppendValue(r.Actual).AppendValue(r.Passed).EndRow();
    }
}

/// <summary>Thrown by the <see cref="NightlyEtl.CrashAfterRows"/> test hook.</summary>
public sealed class SimulatedCrashException(long rows) : Exception($"simulated crash after {rows} extracted rows");
