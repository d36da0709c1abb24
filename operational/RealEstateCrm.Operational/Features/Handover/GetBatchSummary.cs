using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Handover;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Service;

namespace RealEstateCrm.Operational.Features.Handover;

/// <summary>Where an inspection or handover batch stands: units by outcome, issues by category and severity,
/// repair orders still open, and how long fixes take.</summary>
[UseCase]
public sealed class GetBatchSummary(CrmDbContext db)
{
    public sealed record Request(Guid BatchId);

    public sealed record IssueCount(string Category, Severity Severity, int Count);

    /// <summary>Accepted counts units accepted with or without issues; AverageDaysToFix is over fixed issues only, null while none is.</summary>
    public sealed record Summary(string Batch, InspectionKind Kind, int Planned, int Inspected, int Accepted, int Refused, int HandedOver,
        IReadOnlyList<IssueCount> Issues, int OpenIssueWorkOrders, double? AverageDaysToFix);

    public async Task<Summary> Handle(Request request, CancellationToken ct = default)
    {
        var batch = await db.InspectionBatches.AsNoTracking().Include(b => b.Units).ThenInclude(u => u.Issues).FindOrFail(request.BatchId, "batch", ct);
        var issues = batch.Units.SelectMany(u => u.Issues).ToList();
        var categoryIds = issues.Select(i => i.CategoryId).Distinct().ToList();
        var categories = await db.ComplaintCategories.Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var orderIds = issues.Where(i => i.WorkOrderId != null).Select(i => i.WorkOrderId).ToList();
        var openOrders = await db.WorkOrders.WhereOpen().CountAsync(w => orderIds.Contains(w.Id), ct);
        var fixDays = issues.Where(i => i.FixedAt != null).Select(i => (i.FixedAt!.Value - i.FoundAt).TotalDays).ToList();

        return new Summary(
            batch.Name, batch.Kind,
            Planned: batch.Units.Count,
            Inspected: batch.Units.Count(u => u.Result != InspectionResult.Pending),
            Accepted: batch.Units.Count(u => u.Result is InspectionResult.Accepted or InspectionResult.AcceptedWithIssues),
            Refused: batch.Units.Count(u => u.Result == InspectionResult.Refused),
            HandedOver: batch.Units.Count(u => u.HandedOverAt != null),
            Issues: issues.GroupBy(i => (Category: i.CategoryId is { } id ? categories.GetValueOrDefault(id, "?") : "uncategorised", i.Severity))
                .Select(g => new IssueCount(g.Key.Category, g.Key.Severity, g.Count()))
                .OrderBy(c => c.Category, StringComparer.Ordinal).ThenByDescending(c => c.Severity).ToList(),
            OpenIssueWorkOrders: openOrders,
            AverageDaysToFix: fixDays.Count == 0 ? null : Math.Round(fixDays.Average(), 2));
    }
}
