using RealEstateCrm.Host.Web.Customers;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Host.Web.Agent;

/// <summary>Problems of one form by the field the use case named ("summary", "work-order.title"); what names no field
/// of the form shows at its top.</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public void Add(string? field, string message) => _byField[field ?? ""] = _byField.TryGetValue(field ?? "", out var other) ? other + "; " + message : message;

    /// <summary>A use case's refusal (<see cref="UseCaseErrors.IsRefusal"/>), each message under the field it names.</summary>
    public void Add(Exception refusal)
    {
        foreach (var (field, message) in UseCaseErrors.Messages(refusal)) Add(field, message);
    }

    public string? For(string field) => _byField.GetValueOrDefault(field);

    /// <summary>The problems of fields the form has no place for.</summary>
    public IEnumerable<string> Others(params string[] shown) => _byField.Where(e => !shown.Contains(e.Key)).Select(e => e.Key == "" ? e.Value : $"{e.Key}: {e.Value}");
}

/// <summary>The reception record (接待记录) of a call, and the work order it opens when the box is ticked.</summary>
public sealed class ReceptionInput
{
    public string? CallId { get; set; }
    public Guid? CustomerId { get; set; }
    public string Summary { get; set; } = "";
    public bool OpenWorkOrder { get; set; }
    public WorkOrderType Type { get; set; } = WorkOrderType.Repair;
    public Guid? CategoryId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
}

public sealed record Category(Guid Id, string Code, string Name, int SlaHours);

public sealed record ReceptionForm(ReceptionInput Input, IReadOnlyList<Category> Categories, FormErrors Errors, string? Saved = null);

/// <summary>A new customer from an unknown caller: the number comes from the call, never from the browser. The project
/// the caller asks about is required (<see cref="Operational.Features.Customers.CreateCustomer.Request.HomeProjectRequired"/>):
/// it becomes his home project, which puts him in that project's data scope. The call itself cannot tell: every project
/// shares the IVR number and the queues go by skill, not by project.</summary>
public sealed class QuickCreateInput
{
    public string CallId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? City { get; set; }
    public Guid? ProjectId { get; set; }
}

public sealed record ProjectChoice(Guid Id, string Name, string City);

public sealed record QuickCreateForm(QuickCreateInput Input, string CallerShown, IReadOnlyList<ProjectChoice> Projects, FormErrors Errors);

/// <summary>What pops on the desktop for a ringing call: the caller's 360 and the reception form, or the quick-create
/// form for a caller the ledger does not know; for a call the dialer placed, the disposition form above the customer's 360.</summary>
public sealed record PopPanel(RingingCalls.Pop Call, string CallerShown, Customer360? Customer, QuickCreateForm? Create, ReceptionForm? Reception,
    DispositionForm? Disposition = null);

public sealed record SeatPanel(bool Running, string AgentNo, string? SeatNo, SeatState State, string? Problem);

/// <summary>The agent's disposition of a call the dialer placed for him: one of the sales call list's outcomes, notes
/// and the next action (local time, as the sales call list takes it).</summary>
public sealed class DispositionInput
{
    public string CallId { get; set; } = "";
    public Operational.Domain.Marketing.CallDisposition? Disposition { get; set; }
    public string? Notes { get; set; }
    public DateTime? NextActionAt { get; set; }
}

public enum DialState { OnTheLine, AwaitsDisposition, Written }

/// <param name="Outcome">What was written, once <see cref="DialState.Written"/>: the disposition, or the call's outcome.</param>
public sealed record DialStatus(string CallId, DialState State, string? Outcome);

/// <summary>The call list entry a dialer call was placed for, with its lead (if the list names one).</summary>
public sealed record DialledEntry(Guid Id, double Score, string? Reason, Operational.Domain.Marketing.CallDisposition Disposition, DateTime? DispositionAt,
    string? Notes, DateTime? NextActionAt, Guid? LeadId, Operational.Domain.Sales.LeadStatus? LeadStatus, string? LeadProject);

public sealed record DispositionForm(DispositionInput Input, DialledEntry Entry, DialStatus Status, FormErrors Errors, string? Saved = null);

/// <summary>Preview dialling at the desk: the call lists the agent may work, the one chosen, the customer shown on it
/// (null once nobody is left), and what the last Dial or Skip did or why it could not.</summary>
public sealed record PreviewPanel(IReadOnlyList<Calls.DialerRunBoard.ListChoice> Lists, Guid? List, Calls.PreviewDialling.Shown? Shown,
    string? Done = null, string? Problem = null);
