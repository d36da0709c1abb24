using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Features.Service;

namespace RealEstateCrm.Host.Web.Workbench;

/// <summary>Every card the workbench can show. Each filters and counts in SQL through the user's data scope and loads
/// only its first rows; rows link to the page where the work is done.</summary>
public static class WorkbenchCards
{
    /// <summary>How far ahead a work order counts as near its SLA, and a reservation as about to expire.</summary>
    public static readonly TimeSpan NearSla = TimeSpan.FromHours(24), ReservationNotice = TimeSpan.FromDays(3);

    public static readonly IReadOnlyList<WorkbenchCard> All =
    [
        new("calls-today", "Leads to call today", Functions.CallLists, "/Sales/CallList", CallsTodayAsync),
        new("callbacks-due", "Call-backs due", Functions.CallLists, "/Sales/CallList", CallbacksDueAsync),
        new("new-leads", "My new leads", Functions.SalesRead, null, MyNewLeadsAsync),
        new("reservations-expiring", "Reservations about to expire", Functions.SalesRead, "/Sales/Chart", ReservationsExpiringAsync),
        new("discount-approvals", "Discount approvals waiting", Functions.ApproveDiscount, null, DiscountApprovalsAsync),
        new("work-orders-near-sla", "Work orders near their SLA", Functions.ServiceRead, "/Service/Board", WorkOrdersNearSlaAsync),
        new("work-orders-overdue", "Overdue work orders", Functions.ServiceRead, "/Service/Board", WorkOrdersOverdueAsync),
        new("escalations", "Escalations", Functions.ServiceRead, "/Service/Board", EscalationsAsync),
        new("work-orders-undispatched", "Work orders not yet dispatched", Functions.ServiceRead, "/Service/Board", UndispatchedAsync),
        new("voicemails", "Voicemails to hear", Functions.Calls, "/Agent/Desktop", VoicemailsAsync),
        new("new-leads-week", "New leads this week", Functions.SalesRead, null, NewLeadsThisWeekAsync),
        new("running-campaigns", "Running campaigns", Functions.CampaignsWrite, null, RunningCampaignsAsync),
    ];

    public static WorkbenchCard? Find(string code) => All.FirstOrDefault(c => c.Code == code);

    private static string CustomerLink(Guid id) => $"/Customers/Details/{id}";
    private static string LeadLink(Guid id) => $"/Sales/Leads/{id}";
    private static string WorkOrderLink(Guid id) => $"/Service/WorkOrders/{id}";
    private static string Number(double value, string format) => value.ToString(format, CultureInfo.CurrentCulture);

    private static async Task<WorkbenchCardContent> CallsTodayAsync(WorkbenchQuery q)
    {
        var today = q.Time.Today;
        var entries = from e in q.Db.CallListEntries
                      join l in q.Db.CallLists on e.CallListId equals l.Id
                      join c in q.Db.VisibleCustomers(q.Scope) on e.CustomerId equals c.Id
                      where l.OwnerUserId == q.Me.Id && l.ForDate == today && e.Disposition == CallDisposition.NotCalled
                      orderby e.Rank
                      select new { e.LeadId, CustomerId = c.Id, c.Name, c.Phone, e.Score };
        var rows = await entries.Take(WorkbenchQuery.Rows).ToListAsync(q.Ct);
        return new(await q.CountAsync(entries, rows.Count), rows.Select(r => new WorkbenchRow(r.Name, q.Me.Phone(r.Phone),
            r.LeadId is { } lead ? LeadLink(lead) : CustomerLink(r.CustomerId), Number(r.Score * 100, "0"), r.Score >= 0.5 ? "good" : "")).ToList());
    }

    private static async Task<WorkbenchCardContent> CallbacksDueAsync(WorkbenchQuery q)
    {
        var endOfDay = q.Time.StartOfDayUtc(q.Time.Today.AddDays(1));
        var entries = from e in q.Db.CallListEntries
                      join l in q.Db.CallLists on e.CallListId equals l.Id
                      join c in q.Db.VisibleCustomers(q.Scope) on e.CustomerId equals c.Id
                      where l.OwnerUserId == q.Me.Id && e.Disposition == CallDisposition.CallBack && e.NextActionAt < endOfDay
                      orderby e.NextActionAt
                      select new { e.LeadId, CustomerId = c.Id, c.Name, c.Phone, e.NextActionAt };
        var rows = await entries.Take(WorkbenchQuery.Rows).ToListAsync(q.Ct);
        return new(await q.CountAsync(entries, rows.Count), rows.Select(r => new WorkbenchRow(r.Name, q.Me.Phone(r.Phone),
            r.LeadId is { } lead ? LeadLink(lead) : CustomerLink(r.CustomerId), r.NextActionAt is { } next ? q.Time.Clock(next) : null,
            r.NextActionAt < q.Now ? "bad" : "warn")).ToList());
    }

    private static async Task<WorkbenchCardContent> MyNewLeadsAsync(WorkbenchQuery q)
    {
        var leads = from l in q.Db.VisibleLeads(q.Scope)
                    join c in q.Db.Customers on l.CustomerId equals c.Id
                    join p in q.Db.Projects on l.ProjectId equals p.Id
                    where l.AssignedRepUserId == q.Me.Id && l.Status == LeadStatus.New
                    orderby l.CreatedAt descending
                    select new { l.Id, c.Name, Project = p.Name, l.CreatedAt };
        var rows = await leads.Take(WorkbenchQuery.Rows).ToListAsync(q.Ct);
        return new(await q.CountAsync(leads, rows.Count), rows.Select(r => new WorkbenchRow(r.Name, r.Project, LeadLink(r.Id),
            q.Time.Date(r.CreatedAt)[5..])).ToList());
    }

    /// <summary>A rep watches his own reservations; an approver (a manager) every one in his scope.</summary>
    private static async Task<WorkbenchCardContent> ReservationsExpiringAsync(WorkbenchQuery q)
    {
        var until = q.Now + ReservationNotice;
        var everyone = q.Me.MayUse(Functions.ApproveDiscount);
        var reservations = from r in q.Db.Reservations
                           join u in q.Db.VisibleUnits(q.Scope) on r.UnitId equals u.Id
                           join c in q.Db.Customers on r.CustomerId equals c.Id
                           where r.Status == ReservationStatus.Active && r.ExpiresAt < until && (everyone || r.RepUserId == q.Me.Id)
                           orderby r.ExpiresAt
                           select new { r.CustomerId, c.Name, u.RoomNo, r.ExpiresAt };
        var rows = await reservations.Take(WorkbenchQuery.Rows).ToListAsync(q.Ct);
        return new(await q.CountAsync(reservations, rows.Count), rows.Select(r => new WorkbenchRow(r.Name, r.RoomNo, CustomerLink(r.CustomerId),
            q.Time.Date(r.ExpiresAt)[5..], r.ExpiresAt < q.Now ? "bad" : "warn")).ToList());
    }

    private static async Task<WorkbenchCardContent> DiscountApprovalsAsync(WorkbenchQuery q)
    {
        var approvals = from a in q.Db.DiscountApprovals
                        join u in q.Db.VisibleUnits(q.Scope) on a.UnitId equals u.Id
                        join p in q.Db.Projects on u.ProjectId equals p.Id
                        where a.Status == ApprovalStatus.Pending
                        orderby a.RequestedAt
                        select new { a.CustomerId, Unit = p.Name + " " + u.RoomNo, a.Reason, a.DiscountPercent };
        var rows = await approvals.Take(WorkbenchQuery.Rows).ToListAsync(q.Ct);
        return new(await q.CountAsync(approvals, rows.Count), rows.Select(r => new WorkbenchRow(r.Unit, r.Reason,
            r.CustomerId is { } customer ? CustomerLink(customer) : null, Number((double)r.DiscountPercent, "0.#") + "%", "warn")).ToList());
    }

    private static IQueryable<WorkOrder> OpenWorkOrders(WorkbenchQuery q) =>
        q.Db.VisibleWorkOrders(q.Scope).WhereOpen();

    private static async Task<WorkbenchCardContent> WorkOrdersAsync(WorkbenchQuery q, IQueryable<WorkOrder> orders)
    {
        var rows = await orders.Take(WorkbenchQuery.Rows).Select(w => new { w.Id, w.Number, w.Title, w.DueAt }).ToListAsync(q.Ct);
        return new(await q.CountAsync(orders, rows.Count), rows.Select(w =>
        {
            var hours = (w.DueAt - q.Now).TotalHours;
            // Hours while the SLA is near, days once it is long past (a month overdue reads -30d, not -720h).
            var left = Math.Abs(hours) < 48 ? Number(hours, "0") + "h" : Number(hours / 24, "0") + "d";
            return new WorkbenchRow(w.Number, w.Title, WorkOrderLink(w.Id), left, hours < 0 ? "bad" : hours < NearSla.TotalHours ? "warn" : "");
        }).ToList());
    }

    private static Task<WorkbenchCardContent> WorkOrdersNearSlaAsync(WorkbenchQuery q)
    {
        var until = q.Now + NearSla;
        return WorkOrdersAsync(q, OpenWorkOrders(q).Where(w => w.DueAt >= q.Now && w.DueAt < until).OrderBy(w => w.DueAt));
    }

    private static Task<WorkbenchCardContent> WorkOrdersOverdueAsync(WorkbenchQuery q) =>
        WorkOrdersAsync(q, OpenWorkOrders(q).Where(w => w.DueAt < q.Now).OrderBy(w => w.DueAt));

    private static Task<WorkbenchCardContent> EscalationsAsync(WorkbenchQuery q) =>
        WorkOrdersAsync(q, OpenWorkOrders(q).Where(w => w.EscalationLevel > 0).OrderByDescending(w => w.EscalationLevel).ThenBy(w => w.DueAt));

    private static Task<WorkbenchCardContent> UndispatchedAsync(WorkbenchQuery q) =>
        WorkOrdersAsync(q, OpenWorkOrders(q).Where(w => w.Status == WorkOrderStatus.Open).OrderBy(w => w.DueAt));

    /// <summary>Messages nobody has heard or turned into a work order: a known caller's only when he is in scope.</summary>
    private static async Task<WorkbenchCardContent> VoicemailsAsync(WorkbenchQuery q)
    {
        var unheard = q.Db.Voicemails.Where(v => !v.Heard && v.WorkOrderId == null);
        // Whoever sees everything sees every caller's message. Asked as "or among all customers", SQLite's planner (with
        // the statistics PRAGMA optimize gathers) walked the 100,000 customers' index for the few hundred unheard
        // messages: 25–35 ms a query, the two of this card the costliest reads of the whole web mix.
        if (!q.Scope.SeesAll)
        {
            var visible = q.Db.VisibleCustomers(q.Scope).Select(c => c.Id);
            unheard = unheard.Where(v => v.CustomerId == null || visible.Contains(v.CustomerId.Value));
        }
        var messages = unheard.OrderBy(v => v.RecordedAt);
        var rows = await messages.Take(WorkbenchQuery.Rows).Select(v => new { v.Caller, v.RecordedAt, v.DurationSeconds }).ToListAsync(q.Ct);
        return new(await q.CountAsync(messages, rows.Count), rows.Select(v => new WorkbenchRow(q.Me.Phone(v.Caller),
            q.Time.Show(v.RecordedAt)[5..], "/Agent/Desktop", v.DurationSeconds + "s")).ToList());
    }

    private static async Task<WorkbenchCardContent> NewLeadsThisWeekAsync(WorkbenchQuery q)
    {
        var since = q.Now.AddDays(-7);
        var leads = q.Db.VisibleLeads(q.Scope).Where(l => l.CreatedAt >= since);
        var byChannel = await leads.GroupBy(l => l.Channel).Select(g => new { Channel = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(WorkbenchQuery.Rows).ToListAsync(q.Ct);
        return new(await leads.CountAsync(q.Ct), byChannel.Select(g => new WorkbenchRow(q.T.Of(g.Channel), null, null, g.Count.ToString(CultureInfo.InvariantCulture))).ToList());
    }

    private static async Task<WorkbenchCardContent> RunningCampaignsAsync(WorkbenchQuery q)
    {
        var campaigns = q.Db.Campaigns.Where(c => c.Status == CampaignStatus.Running && (c.ProjectId == null || q.Scope.SeesAll || q.Scope.ProjectIds.Contains(c.ProjectId.Value)))
            .OrderBy(c => c.EndDate);
        var rows = await campaigns.Take(WorkbenchQuery.Rows).Select(c => new { c.Name, c.Code, c.EndDate }).ToListAsync(q.Ct);
        return new(await q.CountAsync(campaigns, rows.Count), rows.Select(c => new WorkbenchRow(c.Name, c.Code, null,
            c.EndDate.ToString("MM-dd", CultureInfo.InvariantCulture))).ToList());
    }
}
