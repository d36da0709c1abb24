using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Organisation;

/// <summary>The rows a <see cref="DataScope"/> lets a user see, as queries the database filters (never
/// loaded and filtered in memory: a scope can cover hundreds of thousands of customers).</summary>
public static class DataScopeQueries
{
    /// <summary>A customer is visible when his home project is, or when any of his leads is on a visible
    /// project: a buyer who registered at one project and enquires at another is that project's customer too.</summary>
    public static IQueryable<Customer> VisibleCustomers(this CrmDbContext db, DataScope scope)
    {
        if (scope.SeesAll) return db.Customers;
        var ids = scope.ProjectIds;
        // An uncorrelated IN (the scope's leads' customers, listed once) rather than EXISTS per customer: SQLite answered
        // the EXISTS through the lead's project index, scanning a project's leads once per customer (minutes at 100k).
        var leadCustomers = db.Leads.Where(l => ids.Contains(l.ProjectId)).Select(l => l.CustomerId);
        return db.Customers.Where(c => c.HomeProjectId != null && ids.Contains(c.HomeProjectId.Value) || leadCustomers.Contains(c.Id));
    }

    public static IQueryable<Lead> VisibleLeads(this CrmDbContext db, DataScope scope) =>
        scope.SeesAll ? db.Leads : db.Leads.Where(l => scope.ProjectIds.Contains(l.ProjectId));

    public static IQueryable<Unit> VisibleUnits(this CrmDbContext db, DataScope scope) =>
        scope.SeesAll ? db.Units : db.Units.Where(u => scope.ProjectIds.Contains(u.ProjectId));

    public static IQueryable<Contract> VisibleContracts(this CrmDbContext db, DataScope scope) =>
        scope.SeesAll ? db.Contracts : db.Contracts.Where(c => db.Units.Any(u => u.Id == c.UnitId && scope.ProjectIds.Contains(u.ProjectId)));

    /// <summary>A work order is visible through its project; one with no project (a general enquiry) through its customer.</summary>
    public static IQueryable<WorkOrder> VisibleWorkOrders(this CrmDbContext db, DataScope scope)
    {
        if (scope.SeesAll) return db.WorkOrders;
        var ids = scope.ProjectIds;
        var customers = db.VisibleCustomers(scope).Select(c => c.Id);
        return db.WorkOrders.Where(w => w.ProjectId != null ? ids.Contains(w.ProjectId.Value) : customers.Contains(w.CustomerId));
    }
}
