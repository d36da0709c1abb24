using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Groups a work order under a complaint topic so the shared problem is handled once.</summary>
[UseCase]
public sealed class AttachWorkOrderToTopic(CrmDbContext db)
{
    public sealed record Request(Guid TopicId, Guid WorkOrderId);

    public async Task<WorkOrder> Handle(Request request, CancellationToken ct = default)
    {
        var topic = await db.ComplaintTopics.FindOrFail(request.TopicId, "topic", ct);
        var order = await db.WorkOrders.FindOrFail(request.WorkOrderId, "work-order", ct);
        if (topic.ClosedAt is not null)
            throw new DomainException($"topic \"{topic.Title}\" is closed", "topic");
        if (order.ComplaintTopicId is { } current && current != topic.Id)
            throw new DomainException($"work order {order.Number} already belongs to another topic; detach it first", "work-order");
        if (topic.ProjectId is { } project && order.ProjectId != project)
            throw new DomainException($"work order {order.Number} is not about the topic's project", "work-order");
        order.ComplaintTopicId = topic.Id;
        await db.SaveChangesAsync(ct);
        return order;
    }
}
