using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Takes a work order out of a complaint topic it was grouped under by mistake.</summary>
[UseCase]
public sealed class DetachWorkOrderFromTopic(CrmDbContext db)
{
    public sealed record Request(Guid TopicId, Guid WorkOrderId);

    public async Task<WorkOrder> Handle(Request request, CancellationToken ct = default)
    {
        var order = await db.WorkOrders.FindOrFail(request.WorkOrderId, "work-order", ct);
        if (order.ComplaintTopicId != request.TopicId)
            throw new DomainException($"work order {order.Number} is not in that topic", "work-order");
        order.ComplaintTopicId = null;
        await db.SaveChangesAsync(ct);
        return order;
    }
}
