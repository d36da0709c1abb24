using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Marketing;

/// <summary>A day's list of people for one user to call, ranked (the scored call lists the models write back).</summary>
public sealed class CallList : Entity
{
    public required string Name { get; set; }
    public CallListKind Kind { get; set; }
    public DateOnly ForDate { get; set; }
    public Guid? OwnerUserId { get; set; }
    public Guid? CampaignId { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<CallListEntry> Entries { get; set; } = [];
}

public enum CallListKind { SalesLeads, ChurnCare, CrossSell, Campaign }

public sealed class CallListEntry : Entity
{
    public Guid CallListId { get; set; }
    public int Rank { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? LeadId { get; set; }
    public double Score { get; set; }
    public string? Reason { get; set; }
    public int? BestHour { get; set; }
    public CallDisposition Disposition { get; set; } = CallDisposition.NotCalled;
    public DateTime? DispositionAt { get; set; }
    public string? Notes { get; set; }
    public DateTime? NextActionAt { get; set; }
}

public enum CallDisposition { NotCalled, NoAnswer, Busy, Interested, NotInterested, CallBack, AppointmentMade, WrongNumber, DoNotCall }
