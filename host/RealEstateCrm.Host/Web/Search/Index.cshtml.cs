using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Export;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Host.Web.Shared;

namespace RealEstateCrm.Host.Web.Search;

/// <summary>Advanced search (条件查询) over customers, units and work orders: combinable conditions, sortable columns,
/// pages of <see cref="SearchCriteria.PageSize"/> and a CSV download of every match. Each kind needs its function; all
/// of it runs through the user's data scope, and phone numbers are masked as his role requires.</summary>
public sealed class IndexModel(CrmDbContext db, SignedInUser me, Text text, BusinessTime time, ReferenceLists lists) : PageModel
{
    /// <summary>The CSV holds at most this many rows; a larger result asks for narrower conditions.</summary>
    public const int CsvLimit = 100_000;

    public SearchCriteria Criteria { get; private set; } = new();
    public IReadOnlyList<SearchKind> Kinds { get; private set; } = [];
    public SearchResult? Result { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Projects { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Categories { get; private set; } = [];
    public int Pages => Result is null ? 0 : Math.Max(1, (Result.Total + SearchCriteria.PageSize - 1) / SearchCriteria.PageSize);

    public async Task<IActionResult> OnGetAsync([FromQuery] SearchCriteria criteria, CancellationToken ct)
    {
        if (await KindAsync(criteria, ct) is not { } search) return Forbid();
        Criteria = criteria;
        Criteria.Page = Math.Max(1, criteria.Page);
        var total = await search.CountAsync(criteria, ct);
        var rows = await search.RowsAsync(criteria, (Criteria.Page - 1) * SearchCriteria.PageSize, SearchCriteria.PageSize, ct);
        Result = new SearchResult(search.Columns, rows, total);
        var scope = await me.ScopeAsync(ct);
        Projects = await lists.ProjectsAsync(scope, ct);
        if (Criteria.Kind == SearchKind.WorkOrders) Categories = await lists.ComplaintCategoriesAsync(ct);
        return Page();
    }

    /// <summary>Every match as CSV (UTF-8 with BOM for Excel), in the page's order, with the same masking.</summary>
    public async Task<IActionResult> OnGetCsvAsync([FromQuery] SearchCriteria criteria, CancellationToken ct)
    {
        if (await KindAsync(criteria, ct) is not { } search) return Forbid();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"search-{criteria.Kind.ToString().ToLowerInvariant()}-{time.Now:yyyyMMdd-HHmm}.csv\"";
        await using var csv = new CsvWriter(Response.Body);
        await csv.WriteRow(search.Columns.Select(c => text[c.Header]));
        const int batch = 2_000;
        for (var skip = 0; skip < CsvLimit; skip += batch)
        {
            var rows = await search.RowsAsync(criteria, skip, Math.Min(batch, CsvLimit - skip), ct);
            foreach (var row in rows) await csv.WriteRow(row.Cells);
            if (rows.Count < batch) break;
        }
        return new EmptyResult();
    }

    /// <summary>This page's address with some query values changed (null removes one): sorting and paging keep the conditions.</summary>
    public string Link(params (string Name, string? Value)[] changes)
    {
        var query = Request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in changes)
            if (value is null) query.Remove(name);
            else query[name] = value;
        return "/Search" + QueryString.Create(query.Select(q => new KeyValuePair<string, StringValues>(q.Key, q.Value)));
    }

    /// <summary>The search for the kind asked (the first the user may use when none is), or null when he may use none or
    /// not the one he asked for.</summary>
    private async Task<ISearchKind?> KindAsync(SearchCriteria criteria, CancellationToken ct)
    {
        var scope = await me.ScopeAsync(ct);
        var searches = new Dictionary<SearchKind, ISearchKind>
        {
            [SearchKind.Customers] = new CustomerSearch(db, me, scope, text, time),
            [SearchKind.Units] = new UnitSearch(db, scope, text),
            [SearchKind.WorkOrders] = new WorkOrderSearch(db, scope, text, time),
        };
        Kinds = searches.Where(s => me.MayUse(s.Value.Function)).Select(s => s.Key).ToList();
        if (Kinds.Count == 0) return null;
        if (!Request.Query.ContainsKey(nameof(SearchCriteria.Kind))) criteria.Kind = Kinds[0];
        return Kinds.Contains(criteria.Kind) ? searches[criteria.Kind] : null;
    }
}
