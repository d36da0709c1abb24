using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Features.Service;

namespace RealEstateCrm.Host.Web.Service;

/// <summary>One work order, its history and its whole life through the Features/Service use cases: dispatch, start,
/// reply, repair cost, compensation, charge-back, resolve, close, reopen, complaint topic. The order is loaded through
/// the user's visible orders on every request, so an id from another project answers 404 for reading and for changing.</summary>
[Authorize(Policy = Functions.ServiceRead)]
public sealed class WorkOrderModel(CrmDbContext db, SignedInUser me, TimeProvider clock, ReferenceLists lists) : ServicePage
{
    public WorkOrder Order { get; private set; } = null!;
    public string CustomerName { get; private set; } = "";
    public string? CustomerPhone { get; private set; }
    public string? Project { get; private set; }
    public string? Unit { get; private set; }
    public string? Category { get; private set; }
    public string? Department { get; private set; }
    public string? Contractor { get; private set; }
    public ComplaintTopic? Topic { get; private set; }
    public SlaClock Sla { get; private set; } = null!;
    public IReadOnlyList<WorkOrderEvent> History { get; private set; } = [];
    public IReadOnlyList<Compensation> Compensations { get; private set; } = [];
    public decimal ChargedBack { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Departments { get; private set; } = [];

    /// <summary>Every contractor, those whose scope covers this order's category in its project first.</summary>
    public IReadOnlyList<(Guid Id, string Name, bool Covers)> Contractors { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> OpenTopics { get; private set; } = [];

    /// <summary>Supervisors with service.write may raise an order still worked on by hand, up to the top level.</summary>
    public bool MayEscalateByHand { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostDispatchAsync(Guid id, Guid? department, Guid? contractor, [FromServices] DispatchWorkOrder dispatch, CancellationToken ct) =>
        ActAsync(id, "dispatch", () => dispatch.Handle(new DispatchWorkOrder.Request(id, department, contractor), ct), ct);

    public Task<IActionResult> OnPostStartAsync(Guid id, [FromServices] StartWorkOrder start, CancellationToken ct) =>
        ActAsync(id, "start", () => start.Handle(new StartWorkOrder.Request(id), ct), ct);

    public Task<IActionResult> OnPostReplyAsync(Guid id, string? text, [FromServices] ReplyToCustomer reply, CancellationToken ct) =>
        ActAsync(id, "reply", () => reply.Handle(new ReplyToCustomer.Request(id, text ?? ""), ct), ct);

    public Task<IActionResult> OnPostRepairCostAsync(Guid id, decimal repairCost, bool paidByCustomer, [FromServices] RecordRepairCost record, CancellationToken ct) =>
        ActAsync(id, "repair-cost", () => record.Handle(new RecordRepairCost.Request(id, repairCost, paidByCustomer), ct), ct);

    public Task<IActionResult> OnPostCompensateAsync(Guid id, CompensationKind kind, decimal amount, string? approvedBy, [FromServices] GrantCompensation grant, CancellationToken ct) =>
        ActAsync(id, "compensate", () => grant.Handle(new GrantCompensation.Request(id, kind, amount, string.IsNullOrWhiteSpace(approvedBy) ? null : approvedBy.Trim()), ct), ct);

    public Task<IActionResult> OnPostChargeBackAsync(Guid id, decimal amount, string? note, [FromServices] ChargeBackToContractor chargeBack, CancellationToken ct) =>
        ActAsync(id, "charge-back", () => chargeBack.Handle(new ChargeBackToContractor.Request(id, amount, string.IsNullOrWhiteSpace(note) ? null : note.Trim()), ct), ct);

    public Task<IActionResult> OnPostResolveAsync(Guid id, string? resolution, [FromServices] ResolveWorkOrder resolve, CancellationToken ct) =>
        ActAsync(id, "resolve", () => resolve.Handle(new ResolveWorkOrder.Request(id, resolution ?? ""), ct), ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, [FromServices] CloseWorkOrder close, CancellationToken ct) =>
        ActAsync(id, "close", () => close.Handle(new CloseWorkOrder.Request(id), ct), ct);

    public Task<IActionResult> OnPostReopenAsync(Guid id, string? reason, [FromServices] ReopenWorkOrder reopen, CancellationToken ct) =>
        ActAsync(id, "reopen", () => reopen.Handle(new ReopenWorkOrder.Request(id, reason ?? ""), ct), ct);

    public Task<IActionResult> OnPostEscalateAsync(Guid id, string? reason, [FromServices] EscalateWorkOrder escalate, CancellationToken ct) =>
        ActAsync(id, "escalate", () => escalate.Handle(new EscalateWorkOrder.Request(id, me.Id, reason ?? ""), ct), ct);

    public Task<IActionResult> OnPostAttachAsync(Guid id, Guid topic, [FromServices] AttachWorkOrderToTopic attach, CancellationToken ct) =>
        ActAsync(id, "topic", () => attach.Handle(new AttachWorkOrderToTopic.Request(topic, id), ct), ct);

    public Task<IActionResult> OnPostDetachAsync(Guid id, [FromServices] DetachWorkOrderFromTopic detach, CancellationToken ct) =>
        ActAsync(id, "topic", async () =>
        {
            var topic = await db.WorkOrders.Where(w => w.Id == id).Select(w => w.ComplaintTopicId).SingleAsync(ct) ?? Guid.Empty;
            await detach.Handle(new DetachWorkOrderFromTopic.Request(topic, id), ct);
        }, ct);

    /// <summary>Checks the order is the user's to change, runs the action, and on success answers with a fresh GET
    /// (a reload does not repeat the action); on refusal shows the page again with the messages at their fields.</summary>
    private async Task<IActionResult> ActAsync(Guid id, string action, Func<Task> useCase, CancellationToken ct)
    {
        if (!me.MayUse(Functions.ServiceWrite)) return Forbid();
        if (!await db.VisibleWorkOrders(await me.ScopeAsync(ct)).AnyAsync(w => w.Id == id, ct)) return NotFound();
        if (await RunAsync(action, useCase)) return RedirectToPage(new { id });
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var order = await db.VisibleWorkOrders(await me.ScopeAsync(ct)).AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct);
        if (order is null) return false;
        Order = order;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == order.CustomerId).Select(c => new { c.Name, c.Phone }).SingleAsync(ct);
        (CustomerName, CustomerPhone) = (customer.Name, customer.Phone);
        Project = await db.Projects.Where(p => p.Id == order.ProjectId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        Unit = await db.Units.Where(u => u.Id == order.UnitId).Select(u => u.RoomNo).SingleOrDefaultAsync(ct);
        Category = await db.ComplaintCategories.Where(c => c.Id == order.CategoryId).Select(c => c.Code + " " + c.Name).SingleOrDefaultAsync(ct);
        Department = await db.OrgUnits.Where(u => u.Id == order.DepartmentId).Select(u => u.Name).SingleOrDefaultAsync(ct);
        Contractor = await db.Contractors.Where(c => c.Id == order.ContractorId).Select(c => c.Name).SingleOrDefaultAsync(ct);
        Topic = await db.ComplaintTopics.AsNoTracking().SingleOrDefaultAsync(t => t.Id == order.ComplaintTopicId, ct);
        Sla = SlaClock.Of(order, clock.GetUtcNow().UtcDateTime, await SlaClock.WarnFractionAsync(db, ct));
        History = await db.WorkOrderEvents.AsNoTracking().Where(e => e.WorkOrderId == id).OrderBy(e => e.At).ToListAsync(ct);
        Compensations = await db.Compensations.AsNoTracking().Where(c => c.WorkOrderId == id).OrderBy(c => c.GrantedAt).ToListAsync(ct);
        ChargedBack = (await db.ContractorChargeBacks.Where(c => c.WorkOrderId == id).Select(c => c.Amount).ToListAsync(ct)).Sum();

        Departments = await lists.ServiceDepartmentsAsync(ct);
        var covering = await db.ContractorScopes.Where(s => s.ProjectId == order.ProjectId && s.ComplaintCategoryId == order.CategoryId)
            .Select(s => s.ContractorId).ToListAsync(ct);
        Contractors = (await db.Contractors.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name, Covers: covering.Contains(c.Id))).OrderByDescending(c => c.Covers).ToList();
        OpenTopics = (await db.ComplaintTopics.AsNoTracking()
                .Where(t => t.ClosedAt == null && (t.ProjectId == null || t.ProjectId == order.ProjectId))
                .OrderByDescending(t => t.OpenedAt).Select(t => new { t.Id, t.Title }).Take(100).ToListAsync(ct))
            .Select(t => (t.Id, t.Title)).ToList();
        MayEscalateByHand = order.IsOpen && order.EscalationLevel < EscalateWorkOrder.TopLevel && me.MayUse(Functions.ServiceWrite)
                            && await db.Users.AnyAsync(u => u.Id == me.Id && u.IsSupervisor, ct);
        return true;
    }
}
