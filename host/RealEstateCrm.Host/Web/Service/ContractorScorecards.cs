using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Service;

/// <summary>Each contractor's record over the work orders dispatched to it, aggregated by the database in one query
/// (the medium scale has about 10^5 orders): orders, still open, fixed, average and median hours from opening to
/// resolution, orders reopened, repair cost and what was charged back to it. The median is the mean of the one or two
/// middle rows by ROW_NUMBER, which every provider runs; only date arithmetic and the money cast differ by provider.</summary>
public static class ContractorScorecards
{
    public sealed record Scorecard(Guid Id, string Name, long Issues, long Open, long Fixed, double? AverageHours, double? MedianHours,
        long Reopened, double RepairCost, double ChargedBack)
    {
        /// <summary>The share of its orders reopened at least once; null with no orders.</summary>
        public double? ReopenRate => Issues == 0 ? null : (double)Reopened / Issues;
    }

    public static Task<List<Scorecard>> ForAsync(CrmDbContext db, DataScope scope, CancellationToken ct)
    {
        var (hours, money) = db.Provider switch
        {
            DatabaseProvider.Sqlite => ("(julianday(w.resolved_at) - julianday(w.opened_at)) * 24.0", "CAST({0} AS REAL)"),
            DatabaseProvider.Postgres => ("EXTRACT(EPOCH FROM (w.resolved_at - w.opened_at)) / 3600.0", "CAST({0} AS double precision)"),
            _ => ("DATEDIFF_BIG(second, w.opened_at, w.resolved_at) / 3600.0", "CAST({0} AS float)"),
        };
        var inScope = scope.SeesAll ? "" : scope.ProjectIds.Count == 0 ? "AND 1 = 0"
            : $"AND w.project_id IN ({string.Join(", ", scope.ProjectIds.Select((_, i) => $"{{{i}}}"))})";
        var sql = $"""
            WITH orders AS (
                SELECT w.contractor_id, w.status, w.reopen_count, {string.Format(money, "w.repair_cost")} AS repair_cost,
                       CASE WHEN w.resolved_at IS NULL THEN NULL ELSE {hours} END AS hours
                FROM work_order w
                WHERE w.contractor_id IS NOT NULL {inScope}
            ),
            fixes AS (
                SELECT contractor_id, hours,
                       ROW_NUMBER() OVER (PARTITION BY contractor_id ORDER BY hours) AS rn,
                       COUNT(*) OVER (PARTITION BY contractor_id) AS n
                FROM orders WHERE hours IS NOT NULL
            ),
            medians AS (
                SELECT contractor_id, AVG(hours) AS median_hours FROM fixes WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY contractor_id
            ),
            charge_backs AS (
                SELECT cb.contractor_id, SUM({string.Format(money, "cb.amount")}) AS charged
                FROM contractor_charge_back cb JOIN work_order w ON w.id = cb.work_order_id
                WHERE 1 = 1 {inScope}
                GROUP BY cb.contractor_id
            )
            SELECT c.id AS "Id", c.name AS "Name",
                   CAST(COUNT(o.contractor_id) AS BIGINT) AS "Issues",
                   CAST(SUM(CASE WHEN o.status IN ('Open', 'Dispatched', 'InProgress') THEN 1 ELSE 0 END) AS BIGINT) AS "Open",
                   CAST(COUNT(o.hours) AS BIGINT) AS "Fixed",
                   AVG(o.hours) AS "AverageHours",
                   MAX(m.median_hours) AS "MedianHours",
                   CAST(SUM(CASE WHEN o.reopen_count > 0 THEN 1 ELSE 0 END) AS BIGINT) AS "Reopened",
                   COALESCE(SUM(o.repair_cost), 0.0) AS "RepairCost",
                   COALESCE(MAX(cb.charged), 0.0) AS "ChargedBack"
            FROM contractor c
            LEFT JOIN orders o ON o.contractor_id = c.id
            LEFT JOIN medians m ON m.contractor_id = c.id
            LEFT JOIN charge_backs cb ON cb.contractor_id = c.id
            GROUP BY c.id, c.name
            ORDER BY c.name
            """;
        return db.Database.SqlQuery<Scorecard>(FormattableStringFactory.Create(sql, scope.ProjectIds.Cast<object>().ToArray())).ToListAsync(ct);
    }
}
