using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace RealEstateCrm.Ml.Training;

/// <summary>The ML.NET estimator for each <see cref="TrainerKind"/>, seeded; defaults otherwise.</summary>
internal static class TrainerCatalog
{
    public static IEstimator<ITransformer> Create(MLContext ml, TrainerKind kind, int seed) => kind switch
    {
        TrainerKind.FastTree => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = FeatureRows.Label, FeatureColumnName = FeatureRows.Features, Seed = seed,
        }),
        TrainerKind.LightGbm => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = FeatureRows.Label, FeatureColumnName = FeatureRows.Features, Seed = seed,
            // LightGBM's multithreaded histograms can sum in a different order run to run.
            NumberOfThreads = 1,
        }),
        // Centred as well as scaled (fixZero: false), so a contribution, weight × value, is relative to the average row.
        TrainerKind.LogisticRegression => ml.Transforms.NormalizeMeanVariance(FeatureRows.Features, fixZero: false)
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = FeatureRows.Label, FeatureColumnName = FeatureRows.Features,
            })),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown trainer"),
    };
}
