using RealEstateCrm.Operational.Data;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.WriteBack;

/// <summary>Every list the day's scores produce in the operational DB: each sales rep's call list, the churn-risk care
/// list and the cross-sell offer list. Needs the day's rows in ml_score (<c>crm ml score</c> or the nightly job).</summary>
public sealed class ScoredLists(CrmDatabase operational, WarehouseDatabase warehouse, TimeProvider clock)
{
    public async Task<WriteBackResult> WriteAsync(DateOnly day, WriteBackOptions options, CancellationToken ct = default)
    {
        var scored = Convert.ToInt64(await warehouse.ScalarAsync($"SELECT count(*) FROM ml_score WHERE as_of = DATE '{day:yyyy-MM-dd}'", ct), System.Globalization.CultureInfo.InvariantCulture);
        if (scored == 0) throw new ArgumentException($"--date: nothing was scored for {day:yyyy-MM-dd}; run crm ml score --date {day:yyyy-MM-dd} first");
        var sales = await new SalesCallLists(operational, warehouse, clock).WriteAsync(day, options, ct);
        return sales.Add(await new TargetLists(operational, warehouse, clock).WriteAsync(day, options, ct));
    }
}
