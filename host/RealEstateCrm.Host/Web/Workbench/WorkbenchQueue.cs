using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Outbox;

namespace RealEstateCrm.Host.Web.Workbench;

/// <summary>A card's queue for one user, kept as a query rather than run: the workbench counts every card's queue in one
/// query (<see cref="WorkbenchCounts"/>), then reads each card's first rows.</summary>
public abstract class WorkbenchQueue
{
    /// <summary>The one row of <paramref name="oneRow"/> carrying this queue's size, labelled <paramref name="card"/>.</summary>
    public abstract IQueryable<WorkbenchCount> Count(IQueryable<OutboxCounter> oneRow, int card);

    public abstract Task<IReadOnlyList<WorkbenchRow>> RowsAsync(CancellationToken ct);

    public static WorkbenchQueue Of<T>(IQueryable<T> items, Func<IQueryable<T>, CancellationToken, Task<IReadOnlyList<WorkbenchRow>>> rows) =>
        new Typed<T>(items, rows);

    private sealed class Typed<T>(IQueryable<T> items, Func<IQueryable<T>, CancellationToken, Task<IReadOnlyList<WorkbenchRow>>> rows) : WorkbenchQueue
    {
        public override IQueryable<WorkbenchCount> Count(IQueryable<OutboxCounter> oneRow, int card) =>
            oneRow.Select(_ => new WorkbenchCount { Card = card, Count = items.Count() });

        public override Task<IReadOnlyList<WorkbenchRow>> RowsAsync(CancellationToken ct) => rows(items, ct);
    }
}

/// <summary>A card's place in the page's list and the size of its queue.</summary>
public sealed class WorkbenchCount
{
    public int Card { get; init; }
    public int Count { get; init; }
}

/// <summary>Every card's count in one round trip: a scalar subquery per card over the outbox counter's single row, joined by
/// UNION ALL, instead of a query per card.</summary>
public static class WorkbenchCounts
{
    public static async Task<int[]> ReadAsync(IQueryable<OutboxCounter> oneRow, IReadOnlyList<WorkbenchQueue> queues, CancellationToken ct)
    {
        var counts = new int[queues.Count];
        if (queues.Count == 0) return counts;
        var all = queues.Skip(1).Select((queue, i) => queue.Count(oneRow, i + 1)).Aggregate(queues[0].Count(oneRow, 0), (union, next) => union.Concat(next));
        foreach (var count in await all.ToListAsync(ct)) counts[count.Card] = count.Count;
        return counts;
    }
}
