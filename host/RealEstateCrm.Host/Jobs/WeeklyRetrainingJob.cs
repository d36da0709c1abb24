using Microsoft.Extensions.Logging;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Host.Jobs;

/// <summary>Retrains every product model on the warehouse; a new version becomes champion only if it validates no
/// worse than the current one (the registry's margin); the process's registry announces it, so the held champions
/// (<c>ChampionModels</c>) reload it and the next nightly scoring uses it.</summary>
public sealed class WeeklyRetrainingJob(NightlyEtlSettings etl, ModelRegistry registry, ILogger<WeeklyRetrainingJob> logger)
{
    // Shares the nightly jobs' warehouse file, which DuckDB lets one process write at a time.
    [Hangfire.DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public async Task RunAsync(CancellationToken ct)
    {
        await using var warehouse = await WarehouseDatabase.OpenAsync(etl.WarehousePath, ct: ct);
        foreach (var (model, trained, why) in await new ProductRetraining(warehouse, registry).RunAsync(new ProductTrainingOptions(), ct: ct))
        {
            if (trained is null) logger.LogWarning("{Model} not trained: {Reason}", model.Name, why);
            else logger.LogInformation("{Version}: forward AUC {Auc:0.000}, {Decision}", trained.Version, trained.Result.Validation.HoldoutAuc, trained.Registration.Reason);
        }
    }
}
