namespace RealEstateCrm.Ml.Training;

/// <summary>What to train on a query result and how to validate it.</summary>
public sealed record TabularTrainingOptions
{
    /// <summary>The binary label column (bool, 0/1, yes/no or any two distinct values).</summary>
    public required string Label { get; init; }
    /// <summary>The label value that is the positive class; by default the value that reads as yes, else the rarer one.</summary>
    public string? PositiveLabel { get; init; }
    /// <summary>Columns that are not features (ids, leaking columns).</summary>
    public IReadOnlyCollection<string> Exclude { get; init; } = [];
    /// <summary>Integer columns to treat as categories (codes, low-cardinality counts); text is always categorical.</summary>
    public IReadOnlyCollection<string> Categorical { get; init; } = [];
    public TrainerKind Trainer { get; init; } = TrainerKind.FastTree;
    /// <summary>Stratified k-fold validation, used when <see cref="TimeColumn"/> is not set.</summary>
    public int Folds { get; init; } = 5;
    /// <summary>Validate forward in time on this column instead: train on older rows, test on the newest <see cref="TestFraction"/>.</summary>
    public string? TimeColumn { get; init; }
    public double TestFraction { get; init; } = 0.2;
    /// <summary>Seed for the folds and the trainer: the same data and seed give the same model and metrics.</summary>
    public int Seed { get; init; } = 42;
    /// <summary>A categorical column with more distinct values than this is hashed instead of one-hot encoded.</summary>
    public int MaxOneHotCategories { get; init; } = 100;
    public int HashBuckets { get; init; } = 64;
}
