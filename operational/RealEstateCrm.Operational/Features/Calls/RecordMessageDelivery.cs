using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features.Calls;

/// <summary>The gateway's hand-back: a pending message was sent, or failed with the gateway's reason.
/// Only a pending message can be marked, so a retry never overwrites the outcome of the first attempt.</summary>
[UseCase]
public sealed class RecordMessageDelivery(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid MessageId, bool Sent, string? Error = null);

    public async Task<OutgoingMessage> Handle(Request request, CancellationToken ct = default)
    {
        new Validator()
            .Require(request.Sent || !string.IsNullOrWhiteSpace(request.Error), "error", "a failed message needs the gateway's reason")
            .Require(!request.Sent || request.Error is null, "error", "a sent message has no error")
            .Require(request.Error is null || request.Error.Length <= 1000, "error", "is longer than 1000 characters")
            .ThrowIfInvalid();
        var message = await db.OutgoingMessages.FindOrFail(request.MessageId, "message", ct);
        if (message.Status != MessageStatus.Pending)
            throw new DomainException($"the message is already {message.Status}", "message");
        message.Status = request.Sent ? MessageStatus.Sent : MessageStatus.Failed;
        if (request.Sent) message.SentAt = clock.GetUtcNow().UtcDateTime;
        else message.Error = request.Error!.Trim();
        await db.SaveChangesAsync(ct);
        return message;
    }
}
