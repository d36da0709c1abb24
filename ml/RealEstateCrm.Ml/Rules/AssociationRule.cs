namespace RealEstateCrm.Ml.Rules;

/// <summary>{Antecedent} ⇒ {Consequent}: <paramref name="Support"/> is the share of baskets holding all the items,
/// <paramref name="Confidence"/> the share of baskets with the antecedent that also hold the consequent, and
/// <paramref name="Lift"/> the confidence over the consequent's own share (1 = independent).</summary>
public sealed record AssociationRule(IReadOnlyList<string> Antecedent, string Consequent, int Baskets, double Support, double Confidence, double Lift)
{
    public override string ToString() => $"{{{string.Join(", ", Antecedent)}}} => {{{Consequent}}}";
}

/// <summary>The rules found, strongest lift first, and what they were mined from.</summary>
public sealed record RuleMiningResult(int Baskets, int Items, int FrequentItemsets, IReadOnlyList<AssociationRule> Rules);
