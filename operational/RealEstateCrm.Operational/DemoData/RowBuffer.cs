using System.Collections;
using RealEstateCrm.Operational.Data.Bulk;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Handover;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.DemoData;

/// <summary>Rows generated for one chunk, written in foreign-key order (principals first) and then
/// forgotten, so at most one chunk is in memory.</summary>
internal sealed class RowBuffer
{
    // Principals before dependants. WorkOrder precedes ReceptionRecord and InspectionIssue because those
    // point at it (the reverse links on WorkOrder are plain columns, not foreign keys).
    private static readonly Type[] WriteOrder =
    [
        typeof(Company), typeof(OrgUnit), typeof(Role), typeof(RoleFunction), typeof(User), typeof(UserRole),
        typeof(Project), typeof(Building), typeof(BuildingStack), typeof(Unit), typeof(PriceList), typeof(PriceListItem),
        typeof(Competitor), typeof(CompetitorProject), typeof(CompetitorPriceObservation), typeof(Campaign),
        typeof(ComplaintCategory), typeof(Contractor), typeof(ContractorScope), typeof(Questionnaire), typeof(Question),
        typeof(Agent), typeof(AgentSkill), typeof(InspectionBatch), typeof(ComplaintTopic),
        typeof(Customer), typeof(CustomerContact), typeof(CustomerTag), typeof(FamilyLink), typeof(CampaignMember),
        typeof(Lead), typeof(Visit), typeof(DiscountApproval), typeof(Reservation), typeof(Contract), typeof(PaymentScheduleItem),
        typeof(Payment), typeof(Mortgage), typeof(Cancellation), typeof(InspectionUnit), typeof(WorkOrder), typeof(InspectionIssue),
        typeof(WorkOrderEvent), typeof(Compensation), typeof(ContractorChargeBack), typeof(ReturnVisit), typeof(Answer),
        typeof(CallList), typeof(CallListEntry), typeof(CallRecord), typeof(ReceptionRecord), typeof(Voicemail), typeof(OutgoingMessage),
        typeof(TrueProbability),
    ];

    private readonly Dictionary<Type, (IList Rows, Func<BulkWriter, CancellationToken, Task> Write)> _rows = [];

    public T Add<T>(T row) where T : class
    {
        if (!_rows.TryGetValue(typeof(T), out var entry))
        {
            var list = new List<T>();
            _rows[typeof(T)] = entry = (list, (writer, ct) => writer.WriteAsync(list, ct));
        }
        entry.Rows.Add(row);
        return row;
    }

    public async Task FlushAsync(BulkWriter writer, CancellationToken ct)
    {
        foreach (var type in WriteOrder)
        {
            if (!_rows.TryGetValue(type, out var entry) || entry.Rows.Count == 0) continue;
            await entry.Write(writer, ct);
        }
        var unknown = _rows.Keys.Except(WriteOrder).FirstOrDefault();
        if (unknown is not null) throw new InvalidOperationException($"{unknown.Name} has no place in the demo write order");
        _rows.Clear();
    }
}
