using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Host.Web.Shared;

namespace RealEstateCrm.Host.Web.Search;

/// <summary>Customers in the user's scope (merged duplicates left out) by name, code or phone, city, segment, income band
/// and project (home project or a lead there).</summary>
public sealed class CustomerSearch(CrmDbContext db, SignedInUser me, DataScope scope, Text text, BusinessTime time) : ISearchKind
{
    public string Function => Functions.CustomersRead;

    public IReadOnlyList<SearchColumn> Columns { get; } =
    [
        new("Code", "code"), new("Name", "name"), new("Phone"), new("City", "city"), new("Segment", "segment"),
        new("Income band", "income"), new("Created", "created"),
    ];

    public IQueryable<Customer> Filter(SearchCriteria c)
    {
        var customers = db.VisibleCustomers(scope).AsNoTracking().Where(x => x.MergedIntoId == null);
        if (c.TrimmedText is { } text)
        {
            // Whoever may not see phone numbers finds a customer by his whole number only: matching fragments would
            // let him read the masked digits back one search at a time.
            var phone = ChinesePhone.Normalize(text) ?? text;
            customers = me.MayUse(Functions.CustomersSeePhone)
                ? customers.Where(x => x.Name.Contains(text) || x.Code == text || x.Phone!.Contains(text))
                : customers.Where(x => x.Name.Contains(text) || x.Code == text || x.Phone == phone);
        }
        if (c.TrimmedCity is { } city) customers = customers.Where(x => x.City == city);
        if (c.Segment is { } segment) customers = customers.Where(x => x.Segment == segment);
        if (c.IncomeBand is { } income) customers = customers.Where(x => x.IncomeBand == income);
        if (c.ProjectId is { } project)
        {
            // Uncorrelated IN, listed once (see DataScopeQueries.VisibleCustomers for why not EXISTS).
            var leadCustomers = db.Leads.Where(l => l.ProjectId == project).Select(l => l.CustomerId);
            customers = customers.Where(x => x.HomeProjectId == project || leadCustomers.Contains(x.Id));
        }
        return customers;
    }

    public Task<int> CountAsync(SearchCriteria criteria, CancellationToken ct) => Filter(criteria).CountAsync(ct);

    public async Task<IReadOnlyList<SearchRow>> RowsAsync(SearchCriteria criteria, int skip, int take, CancellationToken ct)
    {
        var customers = Filter(criteria);
        customers = (criteria.Sort, criteria.Descending) switch
        {
            ("code", false) => customers.OrderBy(x => x.Code), ("code", true) => customers.OrderByDescending(x => x.Code),
            ("city", false) => customers.OrderBy(x => x.City).ThenBy(x => x.Name), ("city", true) => customers.OrderByDescending(x => x.City).ThenBy(x => x.Name),
            ("segment", false) => customers.OrderBy(x => x.Segment).ThenBy(x => x.Name), ("segment", true) => customers.OrderByDescending(x => x.Segment).ThenBy(x => x.Name),
            ("income", false) => customers.OrderBy(x => x.IncomeBand).ThenBy(x => x.Name), ("income", true) => customers.OrderByDescending(x => x.IncomeBand).ThenBy(x => x.Name),
            ("created", false) => customers.OrderBy(x => x.CreatedAt), ("created", true) => customers.OrderByDescending(x => x.CreatedAt),
            (_, true) => customers.OrderByDescending(x => x.Name).ThenBy(x => x.Id),
            _ => customers.OrderBy(x => x.Name).ThenBy(x => x.Id),
        };
        var rows = await customers.Skip(skip).Take(take)
            .Select(x => new { x.Id, x.Code, x.Name, x.Phone, x.City, x.Segment, x.IncomeBand, x.CreatedAt })
            .ToListAsync(ct);
        return rows.Select(x => new SearchRow(
            [x.Code, x.Name, me.Phone(x.Phone), x.City, text.Of(x.Segment), text.Of(x.IncomeBand), time.Date(x.CreatedAt)],
            $"/Customers/Details/{x.Id}")).ToList();
    }
}
