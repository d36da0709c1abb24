using RealEstateCrm.Ml.Training;

namespace RealEstateCrm.Ml.Registry;

/// <summary>Where scoring takes a model's champion from: the registry itself loads it from disk on every call (right for a
/// one-shot command such as <c>crm ml score</c>); a long-running host holds them loaded and swaps them on promotion.</summary>
public interface IChampionSource
{
    /// <summary>The champion of <paramref name="name"/> ready to score, or null when the name has none.</summary>
    TabularModel? ChampionModel(string name);
}
