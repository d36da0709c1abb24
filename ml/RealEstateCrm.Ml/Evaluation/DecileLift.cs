namespace RealEstateCrm.Ml.Evaluation;

/// <summary>One tenth of the rows by descending probability (decile 1 = the highest scores): its positive rate
/// against the base rate, the same for deciles 1 through this one, and the mean predicted probability, which a
/// calibrated model keeps close to the decile's positive rate.</summary>
public sealed record DecileLift(int Decile, int Rows, int Positives, double Lift, double CumulativeLift, double MeanProbability)
{
    public double PositiveRate => Rows == 0 ? 0 : (double)Positives / Rows;

    internal static IReadOnlyList<DecileLift> Compute(int[] descending, IReadOnlyList<float> probabilities, IReadOnlyList<bool> labels, int positives)
    {
        var n = descending.Length;
        if (n < 10 || positives == 0) return [];
        var baseRate = (double)positives / n;
        var deciles = new List<DecileLift>(10);
        int cumulativeRows = 0, cumulativePositives = 0;
        for (var d = 0; d < 10; d++)
        {
            // Near-equal groups: sizes differ by one row at most.
            var start = d * n / 10;
            var end = (d + 1) * n / 10;
            var hits = 0;
            double probability = 0;
            for (var i = start; i < end; i++)
            {
                if (labels[descending[i]]) hits++;
                probability += probabilities[descending[i]];
            }
            cumulativeRows += end - start;
            cumulativePositives += hits;
            deciles.Add(new DecileLift(d + 1, end - start, hits, (double)hits / (end - start) / baseRate, (double)cumulativePositives / cumulativeRows / baseRate,
                probability / (end - start)));
        }
        return deciles;
    }
}
