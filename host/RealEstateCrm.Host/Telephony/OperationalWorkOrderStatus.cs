using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Features.Service;
using RealEstateCrm.Telephony.CallCenter;

namespace RealEstateCrm.Host.Telephony;

/// <summary>The IVR's "my work orders": the caller's open orders, newest first.</summary>
public sealed class OperationalWorkOrderStatus(CrmDatabase database) : IWorkOrderStatusLookup
{
    public async Task<IReadOnlyList<WorkOrderStatusLine>> OpenOrdersAsync(string callerNumber, CancellationToken ct = default)
    {
        await using var db = database.CreateContext("telephony");
        if (await CallerNumber.CustomerIdAsync(db, callerNumber, ct) is not { } id) return [];
        var orders = await db.WorkOrders.WhereOpen().Where(w => w.CustomerId == id)
            .OrderByDescending(w => w.OpenedAt).Select(w => new { w.Number, w.Title, w.Status, w.DueAt }).ToListAsync(ct);
        return [.. orders.Select(w => new WorkOrderStatusLine(w.Number, w.Title, w.Status.ToString(), new DateTimeOffset(w.DueAt, TimeSpan.Zero)))];
    }
}
