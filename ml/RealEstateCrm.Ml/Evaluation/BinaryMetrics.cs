namespace RealEstateCrm.Ml.Evaluation;

/// <summary>How well probabilities rank and fit binary outcomes.</summary>
/// <param name="Auc">Area under the ROC curve (ties count half).</param>
/// <param name="PrAuc">Area under the precision-recall curve, as average precision.</param>
/// <param name="LogLoss">Mean negative log-likelihood in nats (probabilities clipped to [1e-15, 1 − 1e-15]).</param>
/// <param name="Accuracy">Share right at the 0.5 threshold.</param>
/// <param name="Lift">Lift by decile of descending probability.</param>
public sealed record BinaryMetrics(int Rows, int Positives, double Auc, double PrAuc, double LogLoss, double Accuracy, IReadOnlyList<DecileLift> Lift)
{
    public double PositiveRate => Rows == 0 ? 0 : (double)Positives / Rows;

    /// <summary>Computes every metric; the order of <paramref name="probabilities"/> and <paramref name="labels"/> is irrelevant
    /// except that equal probabilities keep their input order for the deciles.</summary>
    public static BinaryMetrics Compute(IReadOnlyList<float> probabilities, IReadOnlyList<bool> labels)
    {
        if (probabilities.Count != labels.Count) throw new ArgumentException("one label per probability");
        var n = labels.Count;
        var positives = labels.Count(l => l);
        var descending = Enumerable.Range(0, n).OrderByDescending(i => probabilities[i]).ToArray();
        double logLoss = 0;
        var correct = 0;
        for (var i = 0; i < n; i++)
        {
            var p = Math.Clamp(probabilities[i], 1e-15, 1 - 1e-15);
            logLoss -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
            if (probabilities[i] >= 0.5f == labels[i]) correct++;
        }
        return new BinaryMetrics(n, positives, RocArea(descending, probabilities, labels, positives), AveragePrecision(descending, probabilities, labels, positives),
            n == 0 ? double.NaN : logLoss / n, n == 0 ? double.NaN : (double)correct / n, DecileLift.Compute(descending, probabilities, labels, positives));
    }

    // Mann-Whitney: each positive ranked above a negative counts 1, a tie 1/2.
    private static double RocArea(int[] descending, IReadOnlyList<float> probabilities, IReadOnlyList<bool> labels, int positives)
    {
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        double pairs = 0;
        var negativesAbove = 0L;
        foreach (var (start, end) in TieGroups(descending, probabilities))
        {
            long groupPositives = 0, groupNegatives = 0;
            for (var i = start; i < end; i++)
                if (labels[descending[i]]) groupPositives++; else groupNegatives++;
            // Positives in this group beat every negative below; tied negatives count half.
            pairs += groupPositives * (negatives - negativesAbove - groupNegatives) + 0.5 * groupPositives * groupNegatives;
            negativesAbove += groupNegatives;
        }
        return pairs / ((double)positives * negatives);
    }

    private static double AveragePrecision(int[] descending, IReadOnlyList<float> probabilities, IReadOnlyList<bool> labels, int positives)
    {
        if (positives == 0) return double.NaN;
        double area = 0;
        var truePositives = 0;
        var seen = 0;
        foreach (var (start, end) in TieGroups(descending, probabilities))
        {
            var groupPositives = 0;
            for (var i = start; i < end; i++)
                if (labels[descending[i]]) groupPositives++;
            truePositives += groupPositives;
            seen += end - start;
            area += (double)groupPositives / positives * truePositives / seen;
        }
        return area;
    }

    private static IEnumerable<(int Start, int End)> TieGroups(int[] descending, IReadOnlyList<float> probabilities)
    {
        var start = 0;
        for (var i = 1; i <= descending.Length; i++)
        {
            if (i < descending.Length && probabilities[descending[i]] == probabilities[descending[start]]) continue;
            yield return (start, i);
            start = i;
        }
    }
}
