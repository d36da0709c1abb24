using RealEstateCrm.Ml.Evaluation;
using RealEstateCrm.Ml.Training;

namespace RealEstateCrm.Ml.Registry;

/// <summary>What <c>metadata.json</c> beside each <c>model.zip</c> records.</summary>
/// <param name="DataFingerprint">SHA-256 of the training query result.</param>
/// <param name="Sql">The training query, when there was one.</param>
public sealed record ModelMetadata(
    string Name,
    int Version,
    TrainerKind Trainer,
    DateTimeOffset TrainedAt,
    BinaryLabel Label,
    FeatureSchema Features,
    ValidationReport Validation,
    int Rows,
    string DataFingerprint,
    string? Sql);

/// <summary>A model version in the registry, and whether it is its name's champion (the one products score with).</summary>
public sealed record RegisteredModel(ModelMetadata Metadata, bool IsChampion, string Folder);

/// <summary>Whether a new version became champion, and why (its holdout AUC against the champion's, less the margin).</summary>
public sealed record PromotionDecision(RegisteredModel Model, bool Promoted, string Reason);

/// <summary>Raised after a version became champion: the host reloads that model.</summary>
public sealed class ModelReloadEventArgs(string name, int version) : EventArgs
{
    public string Name { get; } = name;
    public int Version { get; } = version;
}
