using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Sales;

/// <summary>A sales lead (线索): a customer's interest in a project, from a channel, owned by a rep.</summary>
public sealed class Lead : Entity
{
    /// <summary>The lead's number in the system it came from (an import, a portal, an agency); unique when set,
    /// so re-importing the same file updates instead of duplicating.</summary>
    public string? LeadNo { get; set; }
    public Guid CustomerId { get; set; }
    public Guid ProjectId { get; set; }
    public Channel Channel { get; set; }
    public Guid? CampaignId { get; set; }
    public Guid? AssignedRepUserId { get; set; }
    public LeadStatus Status { get; set; } = LeadStatus.New;
    public decimal? Budget { get; set; }
    public int? WantedBedrooms { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FirstContactAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public LostReason? LostReason { get; set; }
    public Guid? LostToCompetitorId { get; set; }
}

public enum Channel { WalkIn, Phone, Website, WeChat, Referral, Agency, Event, Billboard, Douyin }
public enum LeadStatus { New, Contacted, Visited, Reserved, Won, Lost }
public enum LostReason { LostToCompetitor, PriceTooHigh, MortgageRejected, ServiceComplaint, Financial, ChangedMind, Unreachable, Other }
