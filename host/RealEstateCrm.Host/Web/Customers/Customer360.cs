using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Handover;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Host.Web.Customers;

/// <summary>Everything about one customer on one screen (客户360): profile, units, contracts with their payments, open
/// work orders with their SLA, recent calls and visits, the whole timeline, and what the churn and cross-sell models
/// said about him. The details page and the agent's screen pop both show it.</summary>
public sealed record Customer360(
    Customer Customer, string? HomeProject,
    IReadOnlyList<Customer360.UnitLine> Units, IReadOnlyList<Customer360.ContractLine> Contracts,
    IReadOnlyList<Customer360.WorkOrderLine> OpenWorkOrders, IReadOnlyList<Customer360.CallLine> RecentCalls,
    IReadOnlyList<Customer360.VisitLine> RecentVisits, IReadOnlyList<Customer360.Event> Timeline,
    Customer360.ModelAdvice? ChurnRisk, Customer360.ModelAdvice? NextBestOffer, DateTime? LeftPropertyServiceAt, DateTime Now)
{
    /// <summary>An owner (a unit handed over to him) still in the property service: the one who can leave it.</summary>
    public bool MayLeavePropertyService => LeftPropertyServiceAt is null && Contracts.Any(c => c.Status == ContractStatus.HandedOver);

    public sealed record UnitLine(Guid Id, string Project, string Building, string RoomNo, string Layout, decimal Area, UnitStatus Status);

    public sealed record PaymentLine(DateTime PaidAt, decimal Amount, PaymentChannel Channel, string? ReceiptNo);

    public sealed record ContractLine(string ContractNo, string RoomNo, DateTime SignedAt, decimal FinalPrice, ContractStatus Status,
        PaymentMethod Method, decimal Paid, IReadOnlyList<PaymentLine> Payments);

    public sealed record WorkOrderLine(string Number, WorkOrderType Type, string Title, WorkOrderStatus Status, Severity Priority, DateTime OpenedAt, DateTime DueAt)
    {
        public bool IsOverdue(DateTime now) => DueAt < now;

        /// <summary>Within the last quarter of its SLA: the agent should push it before it turns overdue.</summary>
        public bool IsNearDue(DateTime now) => !IsOverdue(now) && DueAt - now < (DueAt - OpenedAt) / 4;
    }

    public sealed record CallLine(DateTime StartedAt, CallDirection Direction, CallOutcome Outcome, string? Queue, int TalkSeconds);

    public sealed record VisitLine(DateTime VisitedAt, string Project, int Party, string? Notes);

    /// <param name="Kind">The English word for the kind of event (the page translates it).</param>
    public sealed record Event(DateTime At, string Kind, string Text);

    /// <summary>A model's score for this customer with the reason it gave, from the latest call list of its kind.</summary>
    public sealed record ModelAdvice(double Score, string? Reason, DateOnly ForDate);

    public const int RecentRows = 10, TimelineRows = 100;

    /// <summary>The customer's 360, with every part limited to what <paramref name="scope"/> may see; null when the
    /// customer is not in <paramref name="customers"/> (not visible, merged away or no such id).</summary>
    public static async Task<Customer360?> LoadAsync(CrmDbContext db, IQueryable<Customer> customers, Guid id, DataScope scope, Text text, DateTime now, CancellationToken ct)
    {
        // The customer with his home project's name and the tag saying he left the property service, in one round trip.
        var head = await customers.AsNoTracking().Where(c => c.Id == id).Select(c => new
        {
            Customer = c,
            HomeProject = db.Projects.Where(p => p.Id == c.HomeProjectId).Select(p => p.Name).FirstOrDefault(),
            LeftTag = db.CustomerTags.Where(t => t.CustomerId == c.Id && t.Tag == LeavePropertyService.Tag).Select(t => (Guid?)t.Id).FirstOrDefault(),
        }).SingleOrDefaultAsync(ct);
        if (head is null) return null;
        var customer = head.Customer;
        var leftAt = head.LeftTag is { } tag ? LeavePropertyService.LeftAt(tag) : (DateTime?)null;

        // Contracts with their payments in one query: a contract without payments comes once with nulls.
        var contractRows = await (from c in db.VisibleContracts(scope)
                                  where c.CustomerId == id
                                  join u in db.Units on c.UnitId equals u.Id
                                  join p in db.Payments on c.Id equals p.ContractId into paid
                                  from p in paid.DefaultIfEmpty()
                                  select new
                                  {
                                      c.Id, c.ContractNo, u.RoomNo, c.SignedAt, c.FinalPrice, c.Status, c.PaymentMethod,
                                      PaidAt = (DateTime?)p.PaidAt, Amount = (decimal?)p.Amount, Channel = (PaymentChannel?)p.Channel, p.ReceiptNo,
                                  }).AsNoTracking().ToListAsync(ct);
        var contractLines = contractRows.GroupBy(r => r.Id).Select(g =>
        {
            var c = g.First();
            var payments = g.Where(p => p.PaidAt is not null).OrderByDescending(p => p.PaidAt)
                .Select(p => new PaymentLine(p.PaidAt!.Value, p.Amount!.Value, p.Channel!.Value, p.ReceiptNo)).ToList();
            return new ContractLine(c.ContractNo, c.RoomNo, c.SignedAt, c.FinalPrice, c.Status, c.PaymentMethod, payments.Sum(p => p.Amount), payments);
        }).OrderByDescending(c => c.SignedAt).ToList();

        // His units: those under contract or reservation (cancelled ones aside), whichever came first.
        var reservedUnits = db.Reservations.Where(r => r.CustomerId == id && r.Status != ReservationStatus.Cancelled && r.Status != ReservationStatus.Expired).Select(r => r.UnitId);
        var contractedUnits = db.VisibleContracts(scope).Where(c => c.CustomerId == id && c.Status != ContractStatus.Cancelled).Select(c => c.UnitId);
        var units = await (from u in db.VisibleUnits(scope)
                           where reservedUnits.Contains(u.Id) || contractedUnits.Contains(u.Id)
                           join p in db.Projects on u.ProjectId equals p.Id
                           join b in db.Buildings on u.BuildingId equals b.Id
                           orderby p.Name, b.Name, u.RoomNo
                           select new UnitLine(u.Id, p.Name, b.Name, u.RoomNo, u.Layout, u.Area, u.Status)).ToListAsync(ct);

        var workOrders = await db.VisibleWorkOrders(scope).Where(w => w.CustomerId == id).AsNoTracking()
            .Select(w => new { w.Number, w.Type, w.Title, w.Status, w.Priority, w.OpenedAt, w.DueAt, w.ResolvedAt, w.ClosedAt }).ToListAsync(ct);
        var open = workOrders.Where(w => w.ResolvedAt is null && w.ClosedAt is null && w.Status != WorkOrderStatus.Cancelled)
            .OrderBy(w => w.DueAt).Select(w => new WorkOrderLine(w.Number, w.Type, w.Title, w.Status, w.Priority, w.OpenedAt, w.DueAt)).ToList();

        var calls = await Customer360Queries.RecentCalls(db, id).ToListAsync(ct);
        var visits = await (from v in db.Visits
                            where v.CustomerId == id && (scope.SeesAll || scope.ProjectIds.Contains(v.ProjectId))
                            join p in db.Projects on v.ProjectId equals p.Id
                            orderby v.VisitedAt descending
                            select new VisitLine(v.VisitedAt, p.Name, v.Party, v.Notes)).Take(TimelineRows).ToListAsync(ct);
        var leads = await (from l in db.VisibleLeads(scope)
                           where l.CustomerId == id
                           join p in db.Projects on l.ProjectId equals p.Id
                           select new { l.CreatedAt, p.Name, l.Channel, l.Status }).ToListAsync(ct);
        var reservations = await (from r in db.Reservations
                                  where r.CustomerId == id
                                  join u in db.VisibleUnits(scope) on r.UnitId equals u.Id
                                  select new { r.ReservedAt, u.RoomNo, r.Deposit, r.Status }).ToListAsync(ct);
        var returnVisits = await Customer360Queries.ReturnVisits(db, id).ToListAsync(ct);
        var receptions = await Customer360Queries.RecentReceptions(db, id).ToListAsync(ct);

        var timeline = leads.Select(l => new Event(l.CreatedAt, "Lead", $"{l.Name} · {text.Of(l.Channel)} · {text.Of(l.Status)}"))
            .Concat(visits.Select(v => new Event(v.VisitedAt, "Visit", $"{v.Project} · {v.Party}" + (v.Notes is null ? "" : $" · {v.Notes}"))))
            .Concat(reservations.Select(r => new Event(r.ReservedAt, "Reservation", $"{r.RoomNo} · {r.Deposit:N0} · {text.Of(r.Status)}")))
            .Concat(contractLines.Select(c => new Event(c.SignedAt, "Contract", $"{c.ContractNo} · {c.RoomNo} · {c.FinalPrice:N0}")))
            .Concat(contractLines.SelectMany(c => c.Payments.Select(p => new Event(p.PaidAt, "Payment", $"{c.ContractNo} · {p.Amount:N0} · {text.Of(p.Channel)}"))))
            .Concat(calls.Select(c => new Event(c.StartedAt, "Call", $"{text.Of(c.Direction)} · {text.Of(c.Outcome)}" + (c.Queue is null ? "" : $" · {c.Queue}"))))
            .Concat(workOrders.Select(w => new Event(w.OpenedAt, "Work order", $"{w.Number} · {w.Title} · {text.Of(w.Status)}")))
            .Concat(returnVisits.Select(r => new Event(r.VisitedAt, "Return visit", (r.Satisfied ? text["Satisfied"] : text["Not satisfied"]) + (r.ByUser is null ? "" : $" · {r.ByUser}"))))
            .Concat(receptions.Select(r => new Event(r.ReceivedAt, "Reception", $"{text.Of(r.Channel)} · {r.Summary}")))
            .Concat(leftAt is { } at ? [new Event(at, "Left the property service", "")] : [])
            .OrderByDescending(e => e.At).Take(TimelineRows).ToList();

        var advice = await LatestAdvice(db, id, CallListKind.ChurnCare).Concat(LatestAdvice(db, id, CallListKind.CrossSell)).ToListAsync(ct);
        return new Customer360(customer, head.HomeProject, units, contractLines, open, [.. calls.Take(RecentRows)], [.. visits.Take(RecentRows)], timeline,
            Advice(advice, CallListKind.ChurnCare), Advice(advice, CallListKind.CrossSell), leftAt, now);
    }

    private sealed class AdviceRow
    {
        public CallListKind Kind { get; init; }
        public double Score { get; init; }
        public string? Reason { get; init; }
        public DateOnly ForDate { get; init; }
    }

    /// <summary>The customer's entry on the latest call list of <paramref name="kind"/>: at most one row, so both kinds are
    /// read in one query.</summary>
    private static IQueryable<AdviceRow> LatestAdvice(CrmDbContext db, Guid customerId, CallListKind kind) =>
        (from e in db.CallListEntries
         join l in db.CallLists on e.CallListId equals l.Id
         where e.CustomerId == customerId && l.Kind == kind
         orderby l.ForDate descending, l.CreatedAt descending
         select new AdviceRow { Kind = l.Kind, Score = e.Score, Reason = e.Reason, ForDate = l.ForDate }).Take(1);

    private static ModelAdvice? Advice(List<AdviceRow> rows, CallListKind kind) =>
        rows.FirstOrDefault(r => r.Kind == kind) is { } row ? new ModelAdvice(row.Score, row.Reason, row.ForDate) : null;
}
