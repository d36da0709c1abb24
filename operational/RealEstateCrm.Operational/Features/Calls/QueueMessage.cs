using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;

namespace RealEstateCrm.Operational.Features.Calls;

/// <summary>Queues an SMS or email for the gateway to send.</summary>
[UseCase]
public sealed class QueueMessage(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(MessageChannel Channel, string To, string Body, string? Subject = null, Guid? CustomerId = null);

    public async Task<OutgoingMessage> Handle(Request request, CancellationToken ct = default)
    {
        var to = MessageAddress.Normalize(request.Channel, request.To);
        new Validator()
            .Require(Enum.IsDefined(request.Channel), "channel", "must be Sms or Email")
            .Require(to is not null || request.Channel != MessageChannel.Sms, "to", $"\"{request.To}\" is not a mainland mobile number")
            .Require(to is not null || request.Channel == MessageChannel.Sms, "to", $"\"{request.To}\" is not an email address")
            .NotBlank(request.Body, "body", request.Channel == MessageChannel.Sms ? 500 : 4000)
            .Require(request.Subject is null || request.Subject.Length <= 200, "subject", "is longer than 200 characters")
            .Require(await db.Customers.ExistsOrAbsent(request.CustomerId, ct), "customer", Lookups.NotFoundMessage<Customer>(request.CustomerId))
            .ThrowIfInvalid();
        var message = new OutgoingMessage
        {
            Channel = request.Channel, To = to!, Subject = request.Subject, Body = request.Body, CustomerId = request.CustomerId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.OutgoingMessages.Add(message);
        await db.SaveChangesAsync(ct);
        return message;
    }
}
