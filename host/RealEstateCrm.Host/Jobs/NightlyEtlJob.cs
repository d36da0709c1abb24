using Hangfire;
using Microsoft.Extensions.Logging;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Host.Jobs;

public sealed record NightlyEtlSettings(string WarehousePath, string Cron);

/// <summary>The nightly batch ETL as a Hangfire job: opens the warehouse for the run only, so the file is free
/// between runs (DuckDB allows one writer per file). A finished load enqueues <see cref="NightlyScoringJob"/>.</summary>
public sealed class NightlyEtlJob(CrmDatabase database, NightlyEtlSettings settings, TimeProvider clock, IBackgroundJobClient jobs, ILogger<NightlyEtlJob> logger)
{
    // The lock lives in the job storage, so two workers sharing PostgreSQL never load the same warehouse at once.
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // After the warehouse is closed, so the scoring job can open it.
        jobs.Enqueue<NightlyScoringJob>(job => job.RunAsync(CancellationToken.None));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var warehouse = await WarehouseDatabase.OpenAsync(settings.WarehousePath, ct: ct);
        var result = await new NightlyEtl(database, warehouse, clock).RunAsync(ct: ct);
        // A failed check is stored in etl_dq_result; retrying the load would not change it, so it is logged, not thrown.
        if (!result.DataQualityPassed)
            logger.LogWarning("ETL run {RunId}: {Failed} data-quality checks failed (see etl_dq_result)", result.RunId, result.DataQuality.Count(r => !r.Passed));
        else
            logger.LogInformation("ETL run {RunId}: outbox {From} → {To}, {Rows} rows extracted", result.RunId, result.FromSequence, result.ToSequence, result.RowsExtracted);
    }
}
