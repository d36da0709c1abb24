using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>The open work orders as a query (the SQL twin of <see cref="WorkOrder.IsOpen"/>).</summary>
public static class OpenWorkOrders
{
    /// <summary>Named as equalities, not as "not resolved, closed or cancelled": almost every order is closed, and only
    /// the positive form lets the database seek the status index to the few hundred open ones.</summary>
    public static IQueryable<WorkOrder> WhereOpen(this IQueryable<WorkOrder> orders) =>
        orders.Where(w => w.Status == WorkOrderStatus.Open || w.Status == WorkOrderStatus.Dispatched || w.Status == WorkOrderStatus.InProgress);
}
