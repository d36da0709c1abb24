using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Service;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>Rows the service tests make for themselves through the operational use cases (other tests share the database).</summary>
public static class ServiceWork
{
    /// <summary>A new work order for a seeded customer at his home project, in the water-leak category (an engineering
    /// department and a contractor cover it in every project).</summary>
    public static async Task<WorkOrder> OpenAsync(WebServer server, string title, WorkOrderType type = WorkOrderType.Repair)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = server.Database.CreateContext("test");
        var customer = await db.Customers.Where(c => c.HomeProjectId != null && c.Phone != null).OrderBy(c => c.Code).FirstAsync(ct);
        var category = await db.ComplaintCategories.SingleAsync(c => c.Code == "Q01-01", ct);
        return await new OpenWorkOrder(db, TimeProvider.System).Handle(
            new OpenWorkOrder.Request(type, customer.Id, category.Id, title, "卫生间地面渗水到楼下", customer.HomeProjectId), ct);
    }
}
