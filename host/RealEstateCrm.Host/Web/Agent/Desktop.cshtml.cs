using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Telephony;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Calls;
using RealEstateCrm.Host.Web.Customers;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Customers;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Features.Service;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Telephony.CallCenter;
using AgentRow = RealEstateCrm.Operational.Domain.Calls.Agent;
using RealEstateCrm.Host.Web.Shared;

namespace RealEstateCrm.Host.Web.Agent;

/// <summary>The agent desktop (座席工作台): the signed-in agent's seat and its state buttons, the queue's live figures,
/// and the screen pop of each call that rings his phone, with the caller's 360, the reception record and work order
/// form, or the quick-create form for an unknown caller; for a call the dialer placed (a progressive run's or a preview's),
/// the customer's 360 and the disposition form of his call list entry (<see cref="DialledCalls"/>). The page script swaps
/// in the partials these handlers return.</summary>
[Authorize(Policy = Functions.Calls)]
public sealed class DesktopModel(CrmDbContext db, SignedInUser me, Text text, TimeProvider clock, AgentSeats seats, RingingCalls ringing, DialledCalls dialled) : PageModel
{
    public AgentRow? Agent { get; private set; }
    public SeatPanel Seat { get; private set; } = null!;
    public IReadOnlyList<QueueStatistics> Queues => seats.Queues();

    /// <summary>Preview dialling's card; null without a call center here.</summary>
    public PreviewPanel? Preview { get; private set; }

    public async Task OnGetAsync([FromServices] DialerRunBoard board, CancellationToken ct)
    {
        Agent = await MyAgentAsync(ct);
        if (Agent is not null) Seat = SeatOf(Agent, null);
        if (Agent is not null && seats.Running) Preview = new PreviewPanel(await board.ListsAsync(await me.ScopeAsync(ct), ct), null, null);
    }

    /// <summary>Preview dialling (<see cref="PreviewDialling"/>): the next customer of the chosen list (change "next"), or
    /// Dial / Skip the one shown; what cannot be done now comes back with status 400 and why.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(Guid? list, Guid? entryId, string? change, [FromServices] PreviewDialling preview,
        [FromServices] DialerRunBoard board, CancellationToken ct)
    {
        if (await MyAgentAsync(ct) is not { } agent) return NotFound();
        var lists = await board.ListsAsync(await me.ScopeAsync(ct), ct);
        PartialViewResult Panel(PreviewDialling.Shown? shown, string? done = null, string? problem = null)
        {
            if (problem is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
            return Partial("_Preview", new PreviewPanel(lists, list, shown, done, problem));
        }
        if (list is not { } listId || lists.All(l => l.Id != listId)) return Panel(null, problem: text["Choose a call list."]);
        try
        {
            switch (change)
            {
                case "dial":
                    if (entryId is not { } dialled || await preview.DialAsync(dialled, agent.AgentNo, ct) is null) return NotFound();
                    return Panel(null, done: text["Dialling: your phone rings first, then the customer's."]);
                case "skip":
                    if (entryId is not { } skipped || !await preview.SkipAsync(skipped, agent.AgentNo, ct)) return NotFound();
                    break;
                case "next":
                    break;
                default:
                    return BadRequest($"change: \"{change}\" is not next, dial or skip");
            }
            return Panel(await preview.NextAsync(listId, agent.AgentNo, ct));
        }
        catch (DomainException e)
        {
            return Panel(null, problem: text.Of(e.Text));
        }
        catch (InvalidOperationException e)
        {
            // A race inside the dialer after the checks above (rare): its own words.
            return Panel(null, problem: e.Message);
        }
    }

    public async Task<IActionResult> OnGetSeatAsync(CancellationToken ct) =>
        await MyAgentAsync(ct) is { } agent ? Partial("_Seat", SeatOf(agent, null)) : NotFound();

    public IActionResult OnGetQueue() => Partial("_Queue", seats.Queues());

    /// <summary>Log in, pause with a reason, resume, finish wrap-up or log out; a move the seat's state forbids comes back
    /// as the distributor's reason, with status 400.</summary>
    public async Task<IActionResult> OnPostSeatAsync(string change, string? seat, string? reason, CancellationToken ct)
    {
        if (await MyAgentAsync(ct) is not { } agent) return NotFound();
        try
        {
            switch (change)
            {
                case "login":
                    var profile = (await OperationalAgentDirectory.ProfilesAsync(db, db.Agents.Where(a => a.Id == agent.Id), ct)).Single();
                    seats.Login(profile, string.IsNullOrWhiteSpace(seat) ? agent.SeatNo ?? agent.Extension : seat.Trim());
                    break;
                case "pause": seats.Pause(agent.AgentNo, reason ?? ""); break;
                case "resume": seats.Resume(agent.AgentNo); break;
                case "finish-wrap-up": seats.FinishWrapUp(agent.AgentNo); break;
                case "logout": seats.Logout(agent.AgentNo); break;
                default: return BadRequest($"change: \"{change}\" is not login, pause, resume, finish-wrap-up or logout");
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Partial("_Seat", SeatOf(agent, e.Message));
        }
        return Partial("_Seat", SeatOf(agent, null));
    }

    /// <summary>The panel of a call that rang this agent; another agent's call id finds nothing.</summary>
    public async Task<IActionResult> OnGetPopAsync(string callId, CancellationToken ct)
    {
        if (await MyAgentAsync(ct) is not { } agent || ringing.Find(agent.AgentNo, callId) is not { } pop) return NotFound();
        return Partial("_Pop", await PanelAsync(pop, null, ct));
    }

    /// <summary>Where a dialled call stands, for the panel's status line (the page asks every second while the call is on).</summary>
    public async Task<IActionResult> OnGetDialStatusAsync(string callId, CancellationToken ct)
    {
        if (await MyAgentAsync(ct) is not { } agent || ringing.Find(agent.AgentNo, callId) is not { Dialled: true } pop) return NotFound();
        return Partial("_DialStatus", await dialled.StatusAsync(pop, ct));
    }

    /// <summary>The disposition of a call the dialer placed for this agent, one click: refused (400, at the field) while the
    /// call is on, once its outcome is written, or when the use case's rules refuse it.</summary>
    public async Task<IActionResult> OnPostDispositionAsync(DispositionInput input, CancellationToken ct)
    {
        if (await MyAgentAsync(ct) is not { } agent || ringing.Find(agent.AgentNo, input.CallId) is not { Dialled: true } pop) return NotFound();
        var errors = new FormErrors();
        try
        {
            if (await dialled.GiveAsync(pop, input, ct) is not { } refused)
                return Partial("_Disposition", await dialled.FormAsync(pop, null, null, text["Disposition saved."], ct));
            errors.Add("disposition", refused);
        }
        catch (Exception e) when (UseCaseErrors.IsRefusal(e)) { errors.Add(e); }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Partial("_Disposition", await dialled.FormAsync(pop, input, errors, null, ct));
    }

    public async Task<IActionResult> OnPostQuickCreateAsync(QuickCreateInput input, [FromServices] CreateCustomer create, CancellationToken ct)
    {
        if (await MyAgentAsync(ct) is not { } agent || ringing.Find(agent.AgentNo, input.CallId) is not { } pop) return NotFound();
        var errors = new FormErrors();
        try
        {
            var customer = await create.Handle(new CreateCustomer.Request(new CustomerDetails
            {
                Name = input.Name, Phone = pop.Caller, City = string.IsNullOrWhiteSpace(input.City) ? null : input.City.Trim(),
                HomeProjectId = input.ProjectId,
            }, HomeProjectRequired: true), ct);
            ringing.Identify(agent.AgentNo, pop.CallId, customer.Id);
            return Partial("_Pop", await PanelAsync(ringing.Find(agent.AgentNo, pop.CallId)!, null, ct));
        }
        catch (Exception e) when (UseCaseErrors.IsRefusal(e)) { errors.Add(e); }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Partial("_QuickCreate", new QuickCreateForm(input, me.Phone(pop.Caller), await ProjectsAsync(ct), errors));
    }

    /// <summary>Every project, for the quick-create form: the call center serves them all.</summary>
    private async Task<IReadOnlyList<ProjectChoice>> ProjectsAsync(CancellationToken ct) =>
        await db.Projects.AsNoTracking().OrderBy(p => p.City).ThenBy(p => p.Name).Select(p => new ProjectChoice(p.Id, p.Name, p.City)).ToListAsync(ct);

    /// <summary>The reception record and, when ticked, its work order: one use case, one transaction, so a refused work
    /// order leaves no reception record behind.</summary>
    public async Task<IActionResult> OnPostReceptionAsync(ReceptionInput input, [FromServices] RecordReception record, CancellationToken ct)
    {
        if (await MyAgentAsync(ct) is not { } agent) return NotFound();
        if (input.CustomerId is not { } customerId || !await MayServeAsync(agent, customerId, ct)) return NotFound();
        var categories = await CategoriesAsync(ct);
        var errors = new FormErrors();
        if (input.OpenWorkOrder && input.CategoryId is null) errors.Add("work-order.category", "is required");
        if (!errors.Any)
        {
            try
            {
                var saved = await record.Handle(new RecordReception.Request(ReceptionChannel.Phone, input.Summary, customerId, ReceivedByUserId: me.Id,
                    WorkOrder: input.OpenWorkOrder
                        ? new RecordReception.NewWorkOrder(input.Type, input.CategoryId!.Value, input.Title ?? "", string.IsNullOrWhiteSpace(input.Description) ? null : input.Description)
                        : null), ct);
                var number = saved.WorkOrderId is { } orderId ? await db.WorkOrders.Where(w => w.Id == orderId).Select(w => w.Number).SingleAsync(ct) : null;
                var done = new ReceptionForm(new ReceptionInput { CallId = input.CallId, CustomerId = customerId }, categories, new FormErrors(),
                    number is null ? text["Reception record saved."] : text["Reception record saved; work order {0} opened.", number]);
                // The whole panel again, so the caller's 360 lists the work order just opened.
                return input.CallId is { } callId && ringing.Find(agent.AgentNo, callId) is { } pop
                    ? Partial("_Pop", await PanelAsync(pop, done, ct))
                    : Partial("_Reception", done);
            }
            catch (Exception e) when (UseCaseErrors.IsRefusal(e)) { errors.Add(e); }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Partial("_Reception", new ReceptionForm(input, categories, errors));
    }

    private Task<AgentRow?> MyAgentAsync(CancellationToken ct) => db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == me.Id, ct);

    private SeatPanel SeatOf(AgentRow agent, string? problem) => new(seats.Running, agent.AgentNo, agent.SeatNo, seats.State(agent.AgentNo), problem);

    /// <summary>A customer in the agent's data scope, or one who called him lately (<see cref="RingingCalls"/>).</summary>
    private async Task<bool> MayServeAsync(AgentRow agent, Guid customerId, CancellationToken ct) =>
        ringing.IsCallerOf(agent.AgentNo, customerId) || await db.VisibleCustomers(await me.ScopeAsync(ct)).AnyAsync(c => c.Id == customerId, ct);

    private async Task<PopPanel> PanelAsync(RingingCalls.Pop pop, ReceptionForm? reception, CancellationToken ct)
    {
        var shown = me.Phone(pop.Caller);
        var now = clock.GetUtcNow().UtcDateTime;
        if (pop.CustomerId is not { } id
            || await Customer360.LoadAsync(db, db.Customers.Where(c => c.MergedIntoId == null), id, DataScope.Everything, text, now, ct) is not { } view)
            return new PopPanel(pop, shown, null, new QuickCreateForm(new QuickCreateInput { CallId = pop.CallId }, shown, await ProjectsAsync(ct), new FormErrors()), null);
        if (pop.Dialled) return new PopPanel(pop, shown, view, null, null, await dialled.FormAsync(pop, null, null, null, ct));
        return new PopPanel(pop, shown, view, null, reception ??
            new ReceptionForm(new ReceptionInput { CallId = pop.CallId, CustomerId = id }, await CategoriesAsync(ct), new FormErrors()));
    }

    /// <summary>The leaves of the standard complaint library: only they set a department and an SLA.</summary>
    private async Task<IReadOnlyList<Category>> CategoriesAsync(CancellationToken ct) =>
        await db.ComplaintCategories.Where(c => !db.ComplaintCategories.Any(k => k.ParentId == c.Id)).OrderBy(c => c.Code)
            .Select(c => new Category(c.Id, c.Code, c.Name, c.SlaHours)).ToListAsync(ct);
}
