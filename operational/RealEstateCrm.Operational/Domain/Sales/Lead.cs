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

    public bool IsOpen => Status is not (LeadStatus.Won or LeadStatus.Lost);

    /// <summary>Moves the lead forward along new → contacted → visited → reserved → won. A step the lead
    /// has already passed is no change: a second visit does not put a reserved lead back to visited.</summary>
    public void AdvanceTo(LeadStatus next, DateTime at)
    {
        if (next == LeadStatus.Lost) throw new ArgumentException("a lead is lost through MarkLost, which needs the reason", nameof(next));
        if (!IsOpen) throw new DomainException($"lead is already {Status}", "lead");
        if (next <= Status) return;
        Status = next;
        FirstContactAt ??= at;
        if (next == LeadStatus.Won) ClosedAt = at;
    }

    /// <summary>Closes the lead as lost. A won lead can still be lost: a contract cancelled (退房) loses the sale.</summary>
    public void MarkLost(LostReason reason, Guid? competitorId, DateTime at)
    {
        if (Status == LeadStatus.Lost) throw new DomainException("lead is already lost", "lead");
        if (reason == Sales.LostReason.LostToCompetitor && competitorId is null)
            throw new DomainException("a sale lost to a competitor must name the competitor", "competitor");
        Status = LeadStatus.Lost;
        LostReason = reason;
        LostToCompetitorId = competitorId;
        ClosedAt = at;
    }
}

public enum Channel { WalkIn, Phone, Website, WeChat, Referral, Agency, Event, Billboard, Douyin }
public enum LeadStatus { New, Contacted, Visited, Reserved, Won, Lost }
public enum LostReason { LostToCompetitor, PriceTooHigh, MortgageRejected, ServiceComplaint, Financial, ChangedMind, Unreachable, Other }
