using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Calls;

/// <summary>An SMS or email to a customer. This table is the hand-off to whatever gateway sends it;
/// the gateway marks rows sent or failed.</summary>
public sealed class OutgoingMessage : Entity
{
    public MessageChannel Channel { get; set; }
    public Guid? CustomerId { get; set; }
    public required string To { get; set; }
    public string? Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public MessageStatus Status { get; set; } = MessageStatus.Pending;
    public DateTime? SentAt { get; set; }
    public string? Error { get; set; }
}

public enum MessageChannel { Sms, Email }
public enum MessageStatus { Pending, Sent, Failed }
