using RealEstateCrm.Ml.Explanation;

namespace RealEstateCrm.Ml.Training;

/// <summary>A scored row: its index in the scored <see cref="Data.QueryTable"/>, the calibrated probability of the
/// positive class, and the strongest reasons, largest absolute contribution first.</summary>
public sealed record ScoredRow(int Row, float Probability, IReadOnlyList<FeatureContribution> Reasons);
