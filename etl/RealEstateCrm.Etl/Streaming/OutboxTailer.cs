using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Streaming;

/// <summary>The streaming ETL: tails the outbox and applies what is new as micro-batches through
/// <see cref="NightlyEtl.ApplyMicroBatchAsync"/> (same code and watermark as the nightly run, serialised with it by
/// <see cref="WarehouseWriter"/>). Idle polls back off from <see cref="StreamingOptions.MinIdle"/> to
/// <see cref="StreamingOptions.MaxIdle"/>; on PostgreSQL a NOTIFY from the outbox ends the wait at once.</summary>
public sealed class OutboxTailer(CrmDatabase operational, WarehouseDatabase warehouse, TimeProvider clock,
    StreamingOptions? options = null, ILogger<OutboxTailer>? logger = null) : BackgroundService
{
    private readonly StreamingOptions _options = options ?? new StreamingOptions();
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger<OutboxTailer>.Instance;
    private long _microBatches;
    private volatile bool _idle;

    /// <summary>Raised after each micro-batch commits (on the tailer's thread; keep handlers short).</summary>
    public event Action<EtlRunResult>? Applied;

    public long MicroBatches => Interlocked.Read(ref _microBatches);
    /// <summary>Whether the tailer is waiting for news (caught up as of its last poll).</summary>
    public bool Idle => _idle;
    /// <summary>The last micro-batch failure, until one succeeds.</summary>
    public Exception? LastError { get; private set; }

    public Task<StreamingLag> LagAsync(CancellationToken ct = default) =>
        StreamingLag.MeasureAsync(operational, WarehouseWriter.Of(warehouse), clock, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var etl = new NightlyEtl(operational, warehouse, clock);
        await using var listener = operational.Options.Provider == DatabaseProvider.Postgres
            ? new OutboxListener(operational.Options.ConnectionString, _logger) : null;
        if (listener is not null) await listener.StartAsync(stoppingToken);

        var idle = _options.MinIdle;
        while (!stoppingToken.IsCancellationRequested)
        {
            EtlRunResult? applied = null;
            try
            {
                applied = await etl.ApplyMicroBatchAsync(_options.DataQualityChecks, stoppingToken);
                LastError = null;
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping interrupts the micro-batch (DuckDB reports it as its own INTERRUPT error): it rolled back.
                return;
            }
            catch (Exception e)
            {
                // The micro-batch rolled back; the next poll retries from the same watermark.
                LastError = e;
                _logger.LogError(e, "streaming micro-batch failed; retrying after {Delay}", idle);
            }
            if (applied is not null)
            {
                Interlocked.Increment(ref _microBatches);
                Applied?.Invoke(applied);
                idle = _options.MinIdle;
                continue;
            }
            _idle = true;
            await WaitAsync(listener, idle, stoppingToken);
            _idle = false;
            idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxIdle.Ticks));
        }
    }

    private static async Task WaitAsync(OutboxListener? listener, TimeSpan idle, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(idle);
        try
        {
            if (listener is null) await Task.Delay(Timeout.Infinite, timeout.Token);
            else if (await listener.WakeUps.WaitToReadAsync(timeout.Token)) listener.WakeUps.TryRead(out _);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The idle interval ran out: poll again.
        }
        catch (OperationCanceledException)
        {
            // Stopping: ExecuteAsync's loop ends.
        }
    }
}
