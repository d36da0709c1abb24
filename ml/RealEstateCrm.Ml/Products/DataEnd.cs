using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Ml.Products;

/// <summary>The last day the warehouse has events for: "today" for training and scoring. On a live system it is
/// yesterday or today; on a demo or a restored copy it is when the data stops, so labels are never cut short by a
/// clock that ran on without data.</summary>
public static class DataEnd
{
    public static async Task<DateOnly> OfAsync(WarehouseDatabase warehouse, CancellationToken ct = default)
    {
        var last = await warehouse.ScalarAsync(
            "SELECT greatest((SELECT max(created_at) FROM ods_lead), (SELECT max(started_at) FROM ods_call_record), (SELECT max(opened_at) FROM ods_work_order))", ct);
        return last is DateTime at ? DateOnly.FromDateTime(at)
            : throw new InvalidDataException("the warehouse holds no leads, calls or work orders: run the ETL first (crm etl run)");
    }
}
