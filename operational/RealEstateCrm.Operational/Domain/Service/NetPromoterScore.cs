namespace RealEstateCrm.Operational.Domain.Service;

/// <summary>Net promoter score: the percentage of promoters (9–10) minus the percentage of detractors (0–6).</summary>
public sealed record NetPromoterScore(int Responses, int Promoters, int Detractors)
{
    /// <summary>Null when nobody answered: a score of 0 would claim a balance nobody reported.</summary>
    public double? Score => Responses == 0 ? null : Math.Round(100.0 * (Promoters - Detractors) / Responses, 1);

    public static NetPromoterScore Of(IReadOnlyCollection<int> scores) =>
        new(scores.Count, scores.Count(s => s >= 9), scores.Count(s => s <= 6));
}
