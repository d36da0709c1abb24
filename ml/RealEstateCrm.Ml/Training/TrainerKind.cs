namespace RealEstateCrm.Ml.Training;

/// <summary>The ML.NET binary trainers on offer; all give calibrated probabilities (Platt).</summary>
public enum TrainerKind
{
    /// <summary>Boosted trees (MART), the default.</summary>
    FastTree,
    /// <summary>LightGBM boosted trees.</summary>
    LightGbm,
    /// <summary>L-BFGS logistic regression on standardized (centred, unit-variance) features: the linear baseline.</summary>
    LogisticRegression,
}
