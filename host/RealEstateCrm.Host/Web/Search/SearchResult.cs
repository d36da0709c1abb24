namespace RealEstateCrm.Host.Web.Search;

/// <param name="Header">English; the view translates it</param>
/// <param name="SortKey">the key <see cref="SearchCriteria.Sort"/> takes to order by this column, or null when it cannot</param>
public sealed record SearchColumn(string Header, string? SortKey = null, bool Numeric = false);

/// <param name="Href">the row's own page</param>
public sealed record SearchRow(IReadOnlyList<string?> Cells, string? Href);

/// <summary>One page of a search: the rows (already masked for the user) and how many match in all.</summary>
public sealed record SearchResult(IReadOnlyList<SearchColumn> Columns, IReadOnlyList<SearchRow> Rows, int Total);

/// <summary>One kind of thing the search finds. Filtering, counting, ordering and paging run in SQL.</summary>
public interface ISearchKind
{
    string Function { get; }
    IReadOnlyList<SearchColumn> Columns { get; }
    Task<int> CountAsync(SearchCriteria criteria, CancellationToken ct);
    /// <summary>Rows <paramref name="skip"/> .. skip + take in the criteria's order.</summary>
    Task<IReadOnlyList<SearchRow>> RowsAsync(SearchCriteria criteria, int skip, int take, CancellationToken ct);
}
