using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using RealEstateCrm.Ml.Data;
using RealEstateCrm.Ml.Explanation;
using RealEstateCrm.Ml.Registry;

namespace RealEstateCrm.Ml.Training;

/// <summary>A trained binary classifier with the feature schema it expects: scores any query result that has the
/// feature columns, with the top reasons per row.</summary>
public sealed class TabularModel
{
    private readonly MLContext ml;
    private readonly int[] slotOwners;
    private ITransformer? explaining;

    internal TabularModel(MLContext ml, ITransformer transformer, FeatureSchema schema, BinaryLabel label, TrainerKind trainer, ModelMetadata? registered = null)
    {
        Registered = registered;
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
    /// <summary>The registry entry this model was loaded from (name, version, metrics), for stamping scores; null for a
    /// model fresh from training.</summary>
    public ModelMetadata? Registered { get; }
    internal ITransformer Transformer { get; }

    /// <summary>Scores every row of <paramref name="table"/>, each with its <paramref name="reasons"/> largest feature
    /// contributions. The table must have the model's feature columns with the kinds they had in training, or an
    /// <see cref="MlInputException"/> (field <c>schema</c>) names the missing and mistyped ones.</summary>
    public IReadOnlyList<ScoredRow> Score(QueryTable table, int reasons = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reasons);
        var data = FeatureRows.Load(ml, Schema, table, Enumerable.Range(0, table.Rows).ToArray(), null);
        if (table.Rows == 0) return [];
        if (reasons == 0) return Probabilities(data).Select((p, i) => new ScoredRow(i, p, [])).ToList();

        explaining ??= Transformer.Append(ContributionCalculator(data));
        var scored = ml.Data.CreateEnumerable<Explained>(explaining.Transform(data), reuseRowObject: false);
        var sources = Schema.Columns.Select(c => table.Find(c.Name)!).ToArray();
        return scored.Select((s, i) => new ScoredRow(i, s.Probability, TopReasons(sources, i, s.FeatureContributions, reasons))).ToList();
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

    // Runs once per scored row (millions nightly): one pass to sum slots per column, then a k-pass selection.
    private List<FeatureContribution> TopReasons(QueryColumn[] sources, int row, float[] slotContributions, int reasons)
    {
        var byColumn = new double[Schema.Columns.Count];
        for (var slot = 0; slot < slotContributions.Length; slot++) byColumn[slotOwners[slot]] += slotContributions[slot];
        var top = new List<FeatureContribution>(reasons);
        var taken = new bool[byColumn.Length];
        while (top.Count < reasons)
        {
            var best = -1;
            for (var c = 0; c < byColumn.Length; c++)
                if (!taken[c] && byColumn[c] != 0 && (best < 0 || Math.Abs(byColumn[c]) > Math.Abs(byColumn[best]))) best = c;
            if (best < 0) break;
            taken[best] = true;
            top.Add(new FeatureContribution(Schema.Columns[best].Name, sources[best].TextAt(row), byColumn[best]));
        }
        return top;
    }

    private sealed class Explained
    {
        public float Probability { get; set; }
        public float[] FeatureContributions { get; set; } = [];
    }
}
