namespace RealEstateCrm.Ml.Products;

/// <summary>The dates a model is trained on: month ends whose label window has closed by the data's end.</summary>
public static class TrainingSnapshots
{
    /// <summary>The last <paramref name="count"/> month ends <c>d</c> with <c>d + horizonDays ≤ dataEnd</c>, oldest first.</summary>
    public static IReadOnlyList<DateOnly> Monthly(DateOnly dataEnd, int horizonDays, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var latest = dataEnd.AddDays(-horizonDays);
        var first = new DateOnly(latest.Year, latest.Month, 1);
        var monthEnd = first.AddMonths(1).AddDays(-1) <= latest ? first.AddMonths(1).AddDays(-1) : first.AddDays(-1);
        return Enumerable.Range(0, count).Select(i => MonthEnd(monthEnd.AddMonths(-i))).Reverse().ToList();
    }

    private static DateOnly MonthEnd(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);
}
