using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Bench;

/// <summary>A day's worth of operational change for the incremental load, made through the model's normal path
/// (EF SaveChanges, so each change writes its outbox row and audit entry in the same transaction), 1,000 entities
/// per SaveChanges: 40% new inbound calls from known customers, 20% customers edited (every other one a new segment,
/// a type-2 attribute that opens a new dim_customer version; the rest a new phone), 25% leads moved on (new ones
/// contacted, the others' budget revised), 15% work orders progressed (dispatched, resolved, closed, or replied to).
/// Which rows change is drawn with a fixed seed.</summary>
internal static class OperationalChanges
{
    private const int BatchSize = 1_000;

    public sealed record Mix(int NewCalls, int Customers, int Leads, int WorkOrders)
    {
        public int Total => NewCalls + Customers + Leads + WorkOrders;
        public override string ToString() =>
            $"{Total:N0} changes: {NewCalls:N0} new calls, {Customers:N0} customers, {Leads:N0} leads, {WorkOrders:N0} work orders updated";
    }

    public static async Task<Mix> ApplyAsync(CrmDatabase database, long count, DateTime at)
    {
        var random = new Random(42);
        var mix = new Mix((int)(count * 40 / 100), (int)(count * 20 / 100), (int)(count * 25 / 100), 0);
        mix = mix with { WorkOrders = (int)count - mix.NewCalls - mix.Customers - mix.Leads };

        var customerIds = await IdsAsync<Customer>(database);
        await UpdateAsync<Customer>(database, Sample(customerIds, mix.Customers, random), (customer, i) =>
        {
            if (i % 2 == 0) customer.Segment = (CustomerSegment)(((int)customer.Segment + 1) % Enum.GetValues<CustomerSegment>().Length);
            else customer.Phone = $"137{i % 100_000_000:00000000}";
            customer.UpdatedAt = at;
        });
        await UpdateAsync<Lead>(database, Sample(await IdsAsync<Lead>(database), mix.Leads, random), (lead, _) =>
        {
            if (lead.Status == LeadStatus.New) lead.AdvanceTo(LeadStatus.Contacted, at);
            else lead.Budget = (lead.Budget ?? 2_000_000m) + 50_000m;
        });
        await UpdateAsync<WorkOrder>(database, Sample(await IdsAsync<WorkOrder>(database), mix.WorkOrders, random), (order, _) => Progress(order, at));
        await AddCallsAsync(database, Sample(customerIds, mix.NewCalls, random), at);
        return mix;
    }

    private static void Progress(WorkOrder order, DateTime at)
    {
        switch (order.Status)
        {
            case WorkOrderStatus.Open: order.Dispatch(order.DepartmentId, order.ContractorId, at); break;
            case WorkOrderStatus.Dispatched or WorkOrderStatus.InProgress: order.MoveTo(WorkOrderStatus.Resolved, at); break;
            case WorkOrderStatus.Resolved: order.MoveTo(WorkOrderStatus.Closed, at); break;
            default:
                order.ReplyToCustomer = "已回访，客户满意";
                order.RepliedAt = at;
                break;
        }
    }

    private static async Task<List<Guid>> IdsAsync<T>(CrmDatabase database) where T : Entity
    {
        await using var db = database.CreateContext("bench");
        return await db.Set<T>().AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
    }

    /// <summary><paramref name="count"/> distinct ids (a partial Fisher–Yates shuffle), or all of them if there are fewer.</summary>
    private static List<Guid> Sample(List<Guid> ids, int count, Random random)
    {
        var pool = ids.ToArray();
        count = Math.Min(count, pool.Length);
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count].ToList();
    }

    private static async Task UpdateAsync<T>(CrmDatabase database, List<Guid> ids, Action<T, int> change) where T : Entity
    {
        var done = 0;
        foreach (var batch in ids.Chunk(BatchSize))
        {
            await using var db = database.CreateContext("bench");
            foreach (var entity in await db.Set<T>().Where(e => batch.Contains(e.Id)).ToListAsync()) change(entity, done++);
            await db.SaveChangesAsync();
        }
    }

    private static async Task AddCallsAsync(CrmDatabase database, List<Guid> customers, DateTime at)
    {
        List<Guid> agents;
        await using (var db = database.CreateContext("bench")) agents = await db.Agents.OrderBy(a => a.AgentNo).Select(a => a.Id).ToListAsync();
        string[] queues = ["sales", "service", "vip"];
        var done = 0;
        foreach (var batch in customers.Chunk(BatchSize))
        {
            await using var db = database.CreateContext("bench");
            foreach (var customer in batch)
            {
                var started = at.AddSeconds(done);
                db.CallRecords.Add(new CallRecord
                {
                    CallId = $"etlbench-{done:0000000}", Direction = CallDirection.Inbound, Caller = $"139{done % 100_000_000:00000000}", Callee = "4008001234",
                    CustomerId = customer, Queue = queues[done % queues.Length], AgentId = agents[done % agents.Count], StartedAt = started,
                    EnqueuedAt = started.AddSeconds(3), AnsweredAt = started.AddSeconds(15), EndedAt = started.AddSeconds(15 + 60 + done % 300),
                    WaitSeconds = 12, TalkSeconds = 60 + done % 300, Outcome = CallOutcome.Answered, IvrPath = "1-2",
                });
                done++;
            }
            await db.SaveChangesAsync();
        }
    }
}
