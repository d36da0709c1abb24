using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using RealEstateCrm.Ml.Data;
using RealEstateCrm.Ml.Explanation;

namespace RealEstateCrm.Ml.Training;

/// <summary>A trained binary classifier with the feature schema it expects: scores any query result that has the
/// feature columns, with the top reasons per row.</summary>
public sealed class TabularModel
{
    private readonly MLContext ml;
    private readonly int[] slotOwners;
    private ITransformer? explaining;

    internal TabularModel(MLContext ml, ITransformer transformer, FeatureSchema schema, BinaryLabel label, TrainerKind trainer)
    {
        this.ml = ml;
        Transformer = transformer;
        Schema = schema;
        Label = label;
        Trainer = trainer;
        slotOwners = schema.SlotOwners();
    }

    public FeatureSchema Schema { get; }
    public BinaryLabel Label { get; }
    public TrainerKind Trainer { get; }
    internal ITransformer Transformer { get; }

    /// <summary>Scores every row of <paramref name="table"/> (which must have the model's feature columns, see
    /// <see cref="FeatureSchema.Encode"/>), each with its <paramref name="reasons"/> largest feature contributions.</summary>
    public IReadOnlyList<ScoredRow> Score(QueryTable table, int reasons = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reasons);
        var rows = Enumerable.Range(0, table.Rows).ToArray();
        var features = Schema.Encode(table, rows);
        if (features.Length == 0) return [];
        var data = FeatureRows.Load(ml, features, null, Schema.Slots);
        if (reasons == 0) return Probabilities(data).Select((p, i) => new ScoredRow(i, p, [])).ToList();

        explaining ??= Transformer.Append(ContributionCalculator(data));
        var scored = ml.Data.CreateEnumerable<Explained>(explaining.Transform(data), reuseRowObject: false);
        return scored.Select((s, i) => new ScoredRow(i, s.Probability, TopReasons(table, i, s.FeatureContributions, reasons))).ToList();
    }

    internal float[] Probabilities(IDataView data) =>
        Transformer.Transform(data).GetColumn<float>("Probability").ToArray();

    // Contributions come from the trainer itself (tree paths for FastTree/LightGbm, weight × value for logistic
    // regression). ML.NET only takes a calibrated model through this generic overload, hence one case per trainer.
    private ITransformer ContributionCalculator(IDataView data)
    {
        var predictor = Transformer is IEnumerable<ITransformer> chain ? chain.Last() : Transformer;
        var slots = Schema.Slots;
        IEstimator<ITransformer> calculator = predictor switch
        {
            BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> fastTree =>
                ml.Transforms.CalculateFeatureContribution(fastTree, slots, slots, normalize: false),
            BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> lightGbm =>
                ml.Transforms.CalculateFeatureContribution(lightGbm, slots, slots, normalize: false),
            BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> linear =>
                ml.Transforms.CalculateFeatureContribution(linear, slots, slots, normalize: false),
            _ => throw new NotSupportedException($"a {predictor.GetType().Name} cannot explain its scores"),
        };
        return calculator.Fit(Transformer.Transform(data));
    }

    private List<FeatureContribution> TopReasons(QueryTable table, int row, float[] slotContributions, int reasons)
    {
        var byColumn = new double[Schema.Columns.Count];
        for (var slot = 0; slot < slotContributions.Length; slot++) byColumn[slotOwners[slot]] += slotContributions[slot];
        return Enumerable.Range(0, byColumn.Length)
            .Where(c => byColumn[c] != 0)
            .OrderByDescending(c => Math.Abs(byColumn[c])).ThenBy(c => c)
            .Take(reasons)
            .Select(c => new FeatureContribution(Schema.Columns[c].Name, table.Find(Schema.Columns[c].Name)!.TextAt(row), byColumn[c]))
            .ToList();
    }

    private sealed class Explained
    {
        public float Probability { get; set; }
        public float[] FeatureContributions { get; set; } = [];
    }
}
