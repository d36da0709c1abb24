using Microsoft.Extensions.Logging;
using RealEstateCrm.Etl.WriteBack;
using RealEstateCrm.Host.Ml;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Host.Jobs;

public sealed record MlSettings(string ModelsPath, string RetrainCron);

/// <summary>Scores every product model with its champion (training first if there is none yet) for the day the
/// warehouse has data up to, then writes the
/// sales call lists and the care and cross-sell lists back to the operational DB. Enqueued by <see cref="NightlyEtlJob"/>
/// after each successful load, so it always scores freshly loaded data. It scores with the champions the process holds
/// (<see cref="ChampionModels"/>): nothing is loaded from disk unless a promotion made them stale.</summary>
public sealed class NightlyScoringJob(CrmDatabase database, NightlyEtlSettings etl, ModelRegistry registry, ChampionModels champions, TimeProvider clock, ILogger<NightlyScoringJob> logger)
{
    [Hangfire.DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken ct)
    {
        await using var warehouse = await WarehouseDatabase.OpenAsync(etl.WarehousePath, ct: ct);
        // Through the process's registry: a model trained here is announced to the held champions as it is promoted.
        await new ProductRetraining(warehouse, registry).UnlessTrainedAsync(new ProductTrainingOptions(), ct: ct);
        var summary = await new ProductScoring(warehouse, registry, clock, champions).RunAsync(ct: ct);
        var lists = await new ScoredLists(database, warehouse, clock).WriteAsync(summary.Day, new WriteBackOptions(), ct);
        logger.LogInformation("Scored {Day}: {Models}; {Lists} lists with {Entries} entries written", summary.Day,
            string.Join(", ", summary.Models.Select(m => $"{m.Version} {m.Rows} rows")), lists.Lists, lists.Entries);
    }
}
