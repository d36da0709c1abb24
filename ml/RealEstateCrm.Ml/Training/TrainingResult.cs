using RealEstateCrm.Ml.Evaluation;

namespace RealEstateCrm.Ml.Training;

/// <summary>A model trained on all rows, how it validated, and what it was trained on.</summary>
/// <param name="Sql">The query, when trained from one.</param>
/// <param name="DataFingerprint">SHA-256 of the query result (see <see cref="Data.QueryTable.Fingerprint"/>).</param>
public sealed record TrainingResult(TabularModel Model, ValidationReport Validation, int Rows, string DataFingerprint, string? Sql);

/// <summary>Where training is: <paramref name="Done"/> of <paramref name="Total"/> fits (each fold, then the final model).</summary>
public sealed record TrainingProgress(string Step, int Done, int Total);
