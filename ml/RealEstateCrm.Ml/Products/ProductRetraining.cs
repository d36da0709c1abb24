using RealEstateCrm.Ml.Data;
using RealEstateCrm.Ml.Features;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Ml.Training;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Ml.Products;

/// <summary>A model's retraining: the training, or why the data could not support it.</summary>
public sealed record RetrainingOutcome(ProductModel Model, ProductTraining? Trained, string? NotTrained);

/// <summary>Retrains every product model on the warehouse as it is (weekly job, <c>crm ml score --retrain</c>,
/// <c>crm demo</c>); each new version becomes champion unless it validates worse than the current one.</summary>
public sealed class ProductRetraining(WarehouseDatabase warehouse, ModelRegistry registry)
{
    public Task<IReadOnlyList<RetrainingOutcome>> RunAsync(ProductTrainingOptions options, IProgress<string>? progress = null, CancellationToken ct = default) =>
        TrainAsync(ProductModels.All.ToList(), options, progress, ct);

    /// <summary>Trains only the product models with no champion yet (a new installation, a fresh demo folder, a model
    /// whose data could not support it before), so scoring has what it needs; the rest wait for the weekly retraining.</summary>
    public Task<IReadOnlyList<RetrainingOutcome>> UnlessTrainedAsync(ProductTrainingOptions options, IProgress<string>? progress = null, CancellationToken ct = default) =>
        TrainAsync(ProductModels.All.Where(m => registry.Champion(m.Name) is null).ToList(), options, progress, ct);

    private async Task<IReadOnlyList<RetrainingOutcome>> TrainAsync(IReadOnlyList<ProductModel> models, ProductTrainingOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        if (models.Count == 0) return [];
        await FeatureViews.InstallAsync(warehouse, ct);
        var dataEnd = await DataEnd.OfAsync(warehouse, ct);
        var trainer = new ProductTrainer(warehouse, registry);
        var outcomes = new List<RetrainingOutcome>();
        foreach (var model in models)
        {
            progress?.Report($"training {model.Name}");
            var steps = progress is null ? null : new Progress<TrainingProgress>(p => progress.Report($"training {model.Name}: {p.Step}"));
            try
            {
                outcomes.Add(new RetrainingOutcome(model, await trainer.TrainAsync(model, dataEnd, options, steps, ct), null));
            }
            catch (MlInputException e)
            {
                // The data cannot support this model yet (no rows, one class only): the others still train.
                outcomes.Add(new RetrainingOutcome(model, null, $"{e.Field}: {e.Message}"));
            }
        }
        return outcomes;
    }
}
