namespace RealEstateCrm.Ml.Explanation;

/// <summary>One reason behind a score: the source column, its value in the scored row, and how much it pushed the
/// score (in the model's raw score units, before calibration): positive toward the positive class.</summary>
public sealed record FeatureContribution(string Feature, string? Value, double Contribution);
