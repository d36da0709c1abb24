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

/// <summary>Where a message can go: an SMS to a mainland mobile, an email to a well-formed address.</summary>
public static class MessageAddress
{
    /// <summary>The address in its stored form (a mobile normalised by <see cref="ChinesePhone"/>), or null when it cannot receive this channel.</summary>
    public static string? Normalize(MessageChannel channel, string? to) => channel switch
    {
        MessageChannel.Sms => ChinesePhone.Normalize(to) is { Length: 11 } mobile && mobile[0] == '1' ? mobile : null,
        _ => to is not null && System.Net.Mail.MailAddress.TryCreate(to.Trim(), out var mail) && mail.Address == to.Trim() && mail.Host.Contains('.') ? mail.Address : null,
    };
}

public enum MessageChannel { Sms, Email }
public enum MessageStatus { Pending, Sent, Failed }
