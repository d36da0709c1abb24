using RealEstateCrm.Ml.Data;
using RealEstateCrm.Ml.Evaluation;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Ml.Training;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Ml.Products;

/// <summary>How a product model is trained: how many monthly snapshots, the trainer, the k-fold check.</summary>
public sealed record ProductTrainingOptions
{
    public int Snapshots { get; init; } = 24;
    /// <summary>The trainer; by default the model's own (<see cref="ProductModel.Trainer"/>).</summary>
    public TrainerKind? Trainer { get; init; }
    /// <summary>Folds of the second, k-fold validation; 0 or 1 skips it. Rows of one subject in several
    /// snapshots can land in different folds, so the forward split is the figure promotion uses.</summary>
    public int Folds { get; init; } = 5;
    public int Seed { get; init; } = 42;
}

/// <summary>A trained product model: validated forward in time (train on older snapshots, test on the newest),
/// and by k-fold; registered, and champion if it is not worse than the last one.</summary>
public sealed record ProductTraining(ProductModel Model, IReadOnlyList<DateOnly> Snapshots, TrainingResult Result, ValidationReport? KFold, PromotionDecision Registration)
{
    public string Version => ProductScorer.VersionOf(Registration.Model.Metadata);
}

/// <summary>Trains a product model on its feature view's monthly snapshots and registers it.</summary>
public sealed class ProductTrainer(WarehouseDatabase warehouse, ModelRegistry registry)
{
    public async Task<ProductTraining> TrainAsync(ProductModel model, DateOnly dataEnd, ProductTrainingOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken ct = default)
    {
        var snapshots = TrainingSnapshots.Monthly(dataEnd, model.HorizonDays, options.Snapshots);
        var sql = model.TrainingSql(snapshots);
        var table = await QueryTable.ReadAsync(warehouse.Connection, sql, ct);
        var tabular = new TabularTrainingOptions
        {
            Label = ProductModel.LabelColumn, Trainer = options.Trainer ?? model.Trainer, Seed = options.Seed,
            Exclude = ProductModel.Identifiers.Where(c => c != ProductModel.SnapshotColumn && table.Find(c) is not null).ToList(),
        };
        var forward = TabularTrainer.Train(table, tabular with { TimeColumn = ProductModel.SnapshotColumn }, progress, ct) with { Sql = sql };
        return new ProductTraining(model, snapshots, forward, KFold(table, tabular, options, ct), registry.Register(model.Name, forward));
    }

    private static ValidationReport? KFold(QueryTable table, TabularTrainingOptions tabular, ProductTrainingOptions options, CancellationToken ct)
    {
        if (options.Folds < 2) return null;
        try
        {
            return TabularTrainer.Train(table, tabular with { Exclude = [.. tabular.Exclude, ProductModel.SnapshotColumn], Folds = options.Folds }, null, ct).Validation;
        }
        catch (MlInputException e) when (e.Field == "folds")
        {
            return null; // too few positives for that many folds: the forward split still stands
        }
    }
}
