using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Records a contact with service (接待记录) by phone, web, walk-in or WeChat, and optionally opens
/// the work order it calls for in the same transaction, linked both ways.</summary>
[UseCase]
public sealed class RecordReception(CrmDbContext db, TimeProvider clock)
{
    public sealed record NewWorkOrder(WorkOrderType Type, Guid CategoryId, string Title, string? Description = null, Guid? ProjectId = null, Guid? UnitId = null);

    public sealed record Request(ReceptionChannel Channel, string Summary, Guid? CustomerId = null, Guid? CallRecordId = null, Guid? ReceivedByUserId = null, NewWorkOrder? WorkOrder = null);

    public async Task<ReceptionRecord> Handle(Request request, CancellationToken ct = default)
    {
        new Validator()
            .Require(Enum.IsDefined(request.Channel), "channel", "must be Phone, Web, WalkIn or WeChat")
            .NotBlank(request.Summary, "summary", 2000)
            .Require(await db.Customers.ExistsOrAbsent(request.CustomerId, ct), "customer", Lookups.NotFoundMessage<Customer>(request.CustomerId))
            .Require(await db.CallRecords.ExistsOrAbsent(request.CallRecordId, ct), "call", Lookups.NotFoundMessage<CallRecord>(request.CallRecordId))
            .Require(await db.Users.ExistsOrAbsent(request.ReceivedByUserId, ct), "received-by", Lookups.NotFoundMessage<User>(request.ReceivedByUserId))
            .Require(request.WorkOrder is null || request.CustomerId is not null, "customer", "is required to open a work order")
            .ThrowIfInvalid();

        var at = clock.GetUtcNow().UtcDateTime;
        var record = new ReceptionRecord
        {
            Channel = request.Channel,
            Summary = request.Summary.Trim(),
            CustomerId = request.CustomerId,
            CallRecordId = request.CallRecordId,
            ReceivedByUserId = request.ReceivedByUserId,
            ReceivedAt = at,
        };
        db.ReceptionRecords.Add(record);
        if (request.WorkOrder is { } w)
        {
            var order = await new WorkOrderOpener(db).Open(
                new WorkOrderOpener.Draft(w.Type, request.CustomerId!.Value, w.CategoryId, w.Title, w.Description, w.ProjectId, w.UnitId), at, ct, "work-order.");
            order.ReceptionRecordId = record.Id;
            record.WorkOrderId = order.Id;
        }
        await db.SaveChangesAsync(ct);
        return record;
    }
}
