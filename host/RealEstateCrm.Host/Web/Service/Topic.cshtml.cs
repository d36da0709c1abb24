using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Host.Web.Service;

/// <summary>One complaint topic and the user's visible work orders in it, soonest due first.</summary>
[Authorize(Policy = Functions.ServiceRead)]
public sealed class TopicModel(CrmDbContext db, SignedInUser me, TimeProvider clock) : ServicePage
{
    public const int Shown = 200;

    public sealed record OrderRow(Guid Id, string Number, string Title, string Customer, WorkOrderStatus Status, SlaClock Sla);

    public ComplaintTopic Topic { get; private set; } = null!;
    public string? Project { get; private set; }
    public int Total { get; private set; }
    public IReadOnlyList<OrderRow> Orders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await me.ScopeAsync(ct);
        var topic = await db.ComplaintTopics.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == id && (t.ProjectId == null || scope.SeesAll || scope.ProjectIds.Contains(t.ProjectId.Value)), ct);
        if (topic is null) return NotFound();
        Topic = topic;
        Project = await db.Projects.Where(p => p.Id == topic.ProjectId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        var orders = db.VisibleWorkOrders(scope).AsNoTracking().Where(w => w.ComplaintTopicId == id);
        Total = await orders.CountAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var warn = await SlaClock.WarnFractionAsync(db, ct);
        Orders = (await (
                from w in orders.OrderBy(w => w.DueAt).Take(Shown)
                join c in db.Customers on w.CustomerId equals c.Id
                select new { Order = w, Customer = c.Name }).ToListAsync(ct))
            .Select(x => new OrderRow(x.Order.Id, x.Order.Number, x.Order.Title, x.Customer, x.Order.Status, SlaClock.Of(x.Order, now, warn))).ToList();
        return Page();
    }
}
