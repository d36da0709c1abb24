using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Domain.Marketing;

/// <summary>A marketing campaign (市场活动): a channel, a budget, a period and the customers it targets.</summary>
public sealed class Campaign : Entity
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public Channel Channel { get; set; }
    public Guid? ProjectId { get; set; }
    public decimal Cost { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public CampaignStatus Status { get; set; } = CampaignStatus.Planned;
}

public enum CampaignStatus { Planned, Running, Finished, Cancelled }

/// <summary>A customer on a campaign's target list, and whether they responded.</summary>
public sealed class CampaignMember : Entity
{
    public Guid CampaignId { get; set; }
    public Guid CustomerId { get; set; }
    public DateTime AddedAt { get; set; }
    public DateTime? RespondedAt { get; set; }
}
