using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Features.Service;

namespace RealEstateCrm.Host.Web.Search;

/// <summary>Work orders in the user's scope by number or title, project, status, type, category, the day they were opened
/// and whether they are overdue (still open past their due time).</summary>
public sealed class WorkOrderSearch(CrmDbContext db, DataScope scope, Text text, DateTime now) : ISearchKind
{
    public string Function => Functions.ServiceRead;

    public IReadOnlyList<SearchColumn> Columns { get; } =
    [
        new("Number", "number"), new("Title"), new("Customer"), new("Type", "type"), new("Status", "status"),
        new("Opened", "opened"), new("Due by", "due"),
    ];

    // Member-initialised (not a positional record) so EF can still order by its members after the projection.
    private sealed class Found
    {
        public required WorkOrder Order { get; init; }
        public required string Customer { get; init; }
    }

    private IQueryable<Found> Filter(SearchCriteria c)
    {
        var orders = db.VisibleWorkOrders(scope).AsNoTracking();
        if (c.TrimmedText is { } words) orders = orders.Where(w => w.Number == words || w.Title.Contains(words));
        if (c.ProjectId is { } project) orders = orders.Where(w => w.ProjectId == project);
        if (c.Status is { } status) orders = orders.Where(w => w.Status == status);
        if (c.Type is { } type) orders = orders.Where(w => w.Type == type);
        if (c.CategoryId is { } category) orders = orders.Where(w => w.CategoryId == category);
        if (c.OpenedFrom is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            orders = orders.Where(w => w.OpenedAt >= start);
        }
        if (c.OpenedTo is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            orders = orders.Where(w => w.OpenedAt < end);
        }
        if (c.Overdue)
            orders = orders.WhereOpen().Where(w => w.DueAt < now);
        return from w in orders join x in db.Customers on w.CustomerId equals x.Id select new Found { Order = w, Customer = x.Name };
    }

    public Task<int> CountAsync(SearchCriteria criteria, CancellationToken ct) => Filter(criteria).CountAsync(ct);

    public async Task<IReadOnlyList<SearchRow>> RowsAsync(SearchCriteria criteria, int skip, int take, CancellationToken ct)
    {
        var found = Filter(criteria);
        found = (criteria.Sort, criteria.Descending) switch
        {
            ("number", false) => found.OrderBy(f => f.Order.Number), ("number", true) => found.OrderByDescending(f => f.Order.Number),
            ("type", false) => found.OrderBy(f => f.Order.Type).ThenByDescending(f => f.Order.OpenedAt), ("type", true) => found.OrderByDescending(f => f.Order.Type).ThenByDescending(f => f.Order.OpenedAt),
            ("status", false) => found.OrderBy(f => f.Order.Status).ThenByDescending(f => f.Order.OpenedAt), ("status", true) => found.OrderByDescending(f => f.Order.Status).ThenByDescending(f => f.Order.OpenedAt),
            ("due", false) => found.OrderBy(f => f.Order.DueAt), ("due", true) => found.OrderByDescending(f => f.Order.DueAt),
            ("opened", false) => found.OrderBy(f => f.Order.OpenedAt),
            _ => found.OrderByDescending(f => f.Order.OpenedAt).ThenBy(f => f.Order.Number),
        };
        var rows = await found.Skip(skip).Take(take)
            .Select(f => new { f.Order.Id, f.Order.Number, f.Order.Title, f.Customer, f.Order.Type, f.Order.Status, f.Order.OpenedAt, f.Order.DueAt })
            .ToListAsync(ct);
        return rows.Select(w => new SearchRow(
            [w.Number, w.Title, w.Customer, text.Of(w.Type), text.Of(w.Status),
             w.OpenedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), w.DueAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)],
            $"/Service/WorkOrders/{w.Id}")).ToList();
    }
}
