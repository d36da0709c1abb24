namespace RealEstateCrm.Warehouse.Olap;

/// <summary>What to compute: measures of one cube grouped by dimension attributes (<c>date.month</c>,
/// <c>queue</c>: a bare dimension name means the top of its hierarchy).</summary>
/// <param name="Drill">A hierarchy level such as <c>geography.project</c>: groups by every level of that
/// hierarchy from the top down to it (city, project), ahead of <paramref name="By"/>.</param>
/// <param name="Totals">Subtotal rows: none, ROLLUP over the grouping order, or every combination (CUBE).</param>
/// <param name="Top">Keep the N detail rows with the highest <paramref name="TopBy"/> (default: the first measure);
/// subtotal rows stay and cover all rows, not only the kept ones.</param>
/// <param name="Compare">Period-over-period: needs a <c>date.day between</c> filter; adds each measure for the
/// previous period (or the same days a year earlier) and the delta.</param>
public sealed record OlapQuery(
    string Cube,
    IReadOnlyList<string> Measures,
    IReadOnlyList<string>? By = null,
    IReadOnlyList<OlapFilter>? Filters = null,
    string? Drill = null,
    OlapTotals Totals = OlapTotals.None,
    int? Top = null,
    string? TopBy = null,
    OlapComparison Compare = OlapComparison.None);

public enum OlapTotals { None, Rollup, Cube }

public enum OlapComparison { None, PreviousPeriod, PreviousYear }
