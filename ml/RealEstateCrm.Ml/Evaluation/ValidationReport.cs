namespace RealEstateCrm.Ml.Evaluation;

/// <summary>One fold's sizes and its test metrics.</summary>
public sealed record FoldResult(int Fold, int TrainRows, int TestRows, BinaryMetrics Metrics);

/// <summary>How a model was validated: the split in words, each fold's metrics, and the overall metrics over every
/// held-out prediction (k-fold: all out-of-fold predictions pooled; time split: the newer part).</summary>
public sealed record ValidationReport(string Split, IReadOnlyList<FoldResult> Folds, BinaryMetrics Overall)
{
    /// <summary>The AUC a challenger is compared on.</summary>
    public double HoldoutAuc => Overall.Auc;

    public double MeanFoldAuc => Folds.Average(f => f.Metrics.Auc);
}
