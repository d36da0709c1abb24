using Microsoft.Extensions.Logging;
using RealEstateCrm.Etl.WriteBack;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Host.Jobs;

public sealed record MlSettings(string ModelsPath, string RetrainCron);

/// <summary>Scores every product model with its champion (training first if there is none yet) for the day the
/// warehouse has data up to, then writes the
/// sales call lists and the care and cross-sell lists back to the operational DB. Enqueued by <see cref="NightlyEtlJob"/>
/// after each successful load, so it always scores freshly loaded data.</summary>
public sealed class NightlyScoringJob(CrmDatabase database, NightlyEtlSettings etl, MlSettings ml, TimeProvider clock, ILogger<NightlyScoringJob> logger)
{
    [Hangfire.DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken ct)
    {
        await using var warehouse = await WarehouseDatabase.OpenAsync(etl.WarehousePath, ct: ct);
        var registry = new ModelRegistry(ml.ModelsPath, clock);
        await new ProductRetraining(warehouse, registry).UnlessTrainedAsync(new ProductTrainingOptions(), ct: ct);
        var summary = await new ProductScoring(warehouse, registry, clock).RunAsync(ct: ct);
        var lists = await new ScoredLists(database, warehouse, clock).WriteAsync(summary.Day, new WriteBackOptions(), ct);
        logger.LogInformation("Scored {Day}: {Models}; {Lists} lists with {Entries} entries written", summary.Day,
            string.Join(", ", summary.Models.Select(m => $"{m.Version} {m.Rows} rows")), lists.Lists, lists.Entries);
    }
}
