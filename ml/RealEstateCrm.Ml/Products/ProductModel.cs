using System.Globalization;
using RealEstateCrm.Ml.Features;
using RealEstateCrm.Ml.Training;

namespace RealEstateCrm.Ml.Products;

/// <summary>One of the product models: the feature view describing its subjects as of a date and the label view
/// computed apart from it (table macro calls: <c>{0}</c> the as-of timestamp, <c>{1}</c> the horizon in days), and the
/// trainer that ranks its subjects best on the demo data's later subjects (ml/README.md has the figures).</summary>
public sealed record ProductModel(string Name, string FeatureView, string SubjectColumn, string LabelView, int HorizonDays, TrainerKind Trainer = TrainerKind.FastTree)
{
    /// <summary>Columns that identify a subject or a snapshot: never features.</summary>
    public static readonly IReadOnlyList<string> Identifiers = ["as_of", "lead_id", "customer_id", "project_id", "rep_user_id"];

    public const string LabelColumn = "label";
    public const string SnapshotColumn = "as_of";

    /// <summary>The subjects to score on <paramref name="day"/>, with their features.</summary>
    public string FeaturesSql(DateOnly day) => $"SELECT * FROM {Call(FeatureView, FeatureViews.AsOf(day))}";

    /// <summary>One snapshot of training rows: the subjects as of <paramref name="day"/>, their features and the label.</summary>
    public string LabelledSql(DateOnly day)
    {
        var asOf = FeatureViews.AsOf(day);
        return $"SELECT DATE '{day:yyyy-MM-dd}' AS {SnapshotColumn}, f.*, l.label FROM {Call(FeatureView, asOf)} f JOIN {Call(LabelView, asOf)} l USING ({SubjectColumn})";
    }

    /// <summary>The label of each subject as of <paramref name="day"/> (subject column and <c>label</c>), for judging scores.</summary>
    public string LabelsSql(DateOnly day) => $"SELECT * FROM {Call(LabelView, FeatureViews.AsOf(day))}";

    /// <summary>Every snapshot's rows, stacked: a subject appears once per snapshot it was open in.</summary>
    public string TrainingSql(IEnumerable<DateOnly> snapshots) => string.Join("\nUNION ALL\n", snapshots.Select(LabelledSql));

    private string Call(string view, string asOf) => string.Format(CultureInfo.InvariantCulture, view, asOf, HorizonDays);
}
