namespace RealEstateCrm.Warehouse.Olap;

public enum OlapColumnRole { Dimension, GroupingId, Measure, Previous, Delta }

/// <summary>A result column: its name, what it holds and the CLR type of its non-null values.</summary>
public sealed record OlapColumn(string Name, OlapColumnRole Role, Type Type);

/// <summary>The rows of a query. <c>grouping_id</c> is DuckDB's GROUPING() bitmask over the grouping columns in
/// order (bit set = that column is totalled in this row): 0 is a detail row, all bits set is the grand total.</summary>
public sealed record OlapResult(IReadOnlyList<OlapColumn> Columns, IReadOnlyList<object?[]> Rows, string Sql)
{
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++) if (Columns[i].Name == column) return i;
        throw new ArgumentException($"no column '{column}'; columns: {string.Join(", ", Columns.Select(c => c.Name))}", nameof(column));
    }
}

/// <summary>Where a result's <c>grouping_id</c> comes from: <see cref="Zero"/>, the statement has no subtotals and does not
/// select it; <see cref="Selected"/>, the statement's own column; <see cref="FromNulls"/>, subtotals over grouping values that
/// are never NULL, so the bit of each grouping column is whether it reads NULL.</summary>
public enum OlapGroupingId { Zero, Selected, FromNulls }

/// <summary>The one SQL statement a query becomes, its bound values, and the columns of its result; the statement selects
/// every column but <c>grouping_id</c> unless <paramref name="GroupingId"/> is <see cref="OlapGroupingId.Selected"/>.</summary>
public sealed record OlapStatement(string Sql, IReadOnlyDictionary<string, object> Parameters, IReadOnlyList<OlapColumn> Columns, OlapGroupingId GroupingId)
{
    public bool SelectsGroupingId => GroupingId == OlapGroupingId.Selected;
}
