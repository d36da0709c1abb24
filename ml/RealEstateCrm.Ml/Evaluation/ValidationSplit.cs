using RealEstateCrm.Ml.Data;

namespace RealEstateCrm.Ml.Evaluation;

/// <summary>Row indices to train on and to test on, for one fold.</summary>
public sealed record ValidationFold(int Number, IReadOnlyList<int> Train, IReadOnlyList<int> Test);

/// <summary>The two ways a model is validated: stratified k-fold, and forward in time (train older, test newer).</summary>
public static class ValidationSplit
{
    /// <summary>Each class is shuffled with <paramref name="seed"/> and dealt round-robin into <paramref name="folds"/>
    /// folds, so every fold has the same positive rate (± one row) and the same seed gives the same folds.</summary>
    public static IReadOnlyList<ValidationFold> StratifiedKFold(IReadOnlyList<bool> labels, int folds, int seed)
    {
        var positives = labels.Count(l => l);
        var smallerClass = Math.Min(positives, labels.Count - positives);
        if (folds < 2) throw new MlInputException("folds", $"folds must be at least 2 (got {folds})");
        if (folds > smallerClass)
            throw new MlInputException("folds", $"{folds} folds need at least {folds} rows of each class; the rarer class has {smallerClass}");
        var random = new Random(seed);
        var foldOf = new int[labels.Count];
        foreach (var cls in new[] { true, false })
        {
            var rows = Enumerable.Range(0, labels.Count).Where(i => labels[i] == cls).ToArray();
            random.Shuffle(rows);
            for (var i = 0; i < rows.Length; i++) foldOf[rows[i]] = i % folds;
        }
        return Enumerable.Range(0, folds)
            .Select(f => new ValidationFold(f + 1,
                Enumerable.Range(0, labels.Count).Where(i => foldOf[i] != f).ToArray(),
                Enumerable.Range(0, labels.Count).Where(i => foldOf[i] == f).ToArray()))
            .ToList();
    }

    /// <summary>The newest <paramref name="testFraction"/> of rows by <paramref name="time"/> are the test set. Rows at the
    /// cut-off time all go to the test set, so no moment is split between train and test.</summary>
    public static (ValidationFold Fold, string CutOff) ForwardInTime(QueryColumn time, IReadOnlyList<bool> labels, double testFraction)
    {
        if (time.Kind is not (ColumnKind.Time or ColumnKind.Numeric))
            throw new MlInputException("time-column", $"time column '{time.Name}' is {time.DuckType}; it must be a date, timestamp or number");
        if (testFraction is <= 0 or >= 1) throw new MlInputException("test-fraction", $"the test fraction must be between 0 and 1 (got {testFraction})");
        var nulls = Enumerable.Range(0, time.Length).Count(time.IsNull);
        if (nulls > 0) throw new MlInputException("time-column", $"time column '{time.Name}' has {nulls} NULL values");
        var byTime = Enumerable.Range(0, time.Length).OrderBy(time.NumberAt).ToArray();
        var cutOff = time.NumberAt(byTime[Math.Clamp((int)Math.Floor(byTime.Length * (1 - testFraction)), 0, byTime.Length - 1)]);
        var train = byTime.Where(i => time.NumberAt(i) < cutOff).ToArray();
        var test = byTime.Where(i => time.NumberAt(i) >= cutOff).ToArray();
        var cutOffText = time.TextAt(test[0])!;
        foreach (var (part, rows) in new[] { ("train", train), ("test", test) })
            if (rows.Select(i => labels[i]).Distinct().Count() < 2)
                throw new MlInputException("time-column", $"the forward split on '{time.Name}' at {cutOffText} leaves the {part} part ({rows.Length} rows) with one class only");
        return (new ValidationFold(1, train, test), cutOffText);
    }
}
