using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Run by the scheduler: raises open orders to escalation level 1 once the business parameter
/// <c>service.escalate-after-sla-fraction</c> of their SLA has passed, and to level 2 once past due. Each level
/// is raised and recorded once, so running it again changes nothing.</summary>
[UseCase]
public sealed class EscalateOverdueWorkOrders(CrmDbContext db, TimeProvider clock)
{
    public sealed record Result(int RaisedToLevel1, int RaisedToLevel2);

    public async Task<Result> Handle(CancellationToken ct = default)
    {
        var fraction = await Fraction(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await (
            from w in db.WorkOrders.WhereOpen()
            where w.EscalationLevel < 2
            join c in db.ComplaintCategories on w.CategoryId equals c.Id into categories
            from c in categories.DefaultIfEmpty()
            select new { Order = w, SlaHours = (int?)c.SlaHours }).ToListAsync(ct);

        int level1 = 0, level2 = 0;
        foreach (var candidate in candidates)
        {
            var order = candidate.Order;
            var sla = candidate.SlaHours is { } hours ? TimeSpan.FromHours(hours) : order.DueAt - order.OpenedAt;
            var reached = order.EscalationLevelAt(now, sla, fraction);
            while (order.EscalationLevel < reached)
            {
                order.EscalationLevel++;
                if (order.EscalationLevel == 1) level1++; else level2++;
                db.WorkOrderEvents.Add(order.Event(WorkOrderEventKind.Escalated, now, db.Actor, order.EscalationLevel == 1
                    ? $"level 1: {fraction:P0} of the SLA has passed, due {order.DueAt:u}"
                    : $"level 2: past due since {order.DueAt:u}"));
            }
        }
        await db.SaveChangesAsync(ct);
        return new Result(level1, level2);
    }

    private async Task<double> Fraction(CancellationToken ct)
    {
        // The schema seeds the parameter (0.8); a database without it is misconfigured, not a reason to guess.
        var value = await db.BusinessParameters.Where(p => p.Key == BusinessParameterKeys.EscalateAfterSlaFraction).Select(p => p.Value).SingleOrDefaultAsync(ct);
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && fraction is > 0 and < 1
            ? fraction
            : throw new DomainException($"business parameter {BusinessParameterKeys.EscalateAfterSlaFraction} is \"{value}\"; it must be a fraction between 0 and 1, such as 0.8",
                BusinessParameterKeys.EscalateAfterSlaFraction);
    }
}
