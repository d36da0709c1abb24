using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Replies to the customer about their work order by SMS to their phone. A service reply is not
/// marketing, so do-not-call and marketing consent do not apply; a customer with no usable mobile is refused.</summary>
[UseCase]
public sealed class ReplyToCustomer(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid WorkOrderId, string Text);

    public async Task<OutgoingMessage> Handle(Request request, CancellationToken ct = default)
    {
        new Validator().NotBlank(request.Text, "text", 500).ThrowIfInvalid();
        var at = clock.GetUtcNow().UtcDateTime;
        var order = await db.WorkOrders.FindOrFail(request.WorkOrderId, "work-order", ct);
        var customer = await db.Customers.FindOrFail(order.CustomerId, "customer", ct);
        var mobile = MessageAddress.Normalize(MessageChannel.Sms, customer.Phone)
            ?? throw new DomainException($"customer {customer.Name} has no mobile phone to reply to", "customer");

        var message = new OutgoingMessage
        {
            Channel = MessageChannel.Sms,
            CustomerId = customer.Id,
            To = mobile,
            Body = $"【工单{order.Number}】{request.Text.Trim()}",
            CreatedAt = at,
        };
        db.OutgoingMessages.Add(message);
        order.ReplyToCustomer = request.Text.Trim();
        order.RepliedAt = at;
        order.FirstResponseAt ??= at;
        db.WorkOrderEvents.Add(order.Event(WorkOrderEventKind.Replied, at, db.Actor, $"SMS to {ChinesePhone.Mask(mobile)}"));
        await db.SaveChangesAsync(ct);
        return message;
    }
}
