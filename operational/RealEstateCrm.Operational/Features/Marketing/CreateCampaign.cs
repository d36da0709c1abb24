using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Features.Marketing;

/// <summary>Plans a marketing campaign (市场活动) with its channel, budget and period.</summary>
[UseCase]
public sealed class CreateCampaign(CrmDbContext db)
{
    public sealed record Request(string Code, string Name, Channel Channel, decimal Cost, DateOnly StartDate, DateOnly EndDate, Guid? ProjectId = null);

    public async Task<Campaign> Handle(Request request, CancellationToken ct = default)
    {
        new Validator()
            .NotBlank(request.Code, "code", 32)
            .NotBlank(request.Name, "name")
            .Require(Enum.IsDefined(request.Channel), "channel", $"must be one of {string.Join(", ", Enum.GetNames<Channel>())}")
            .Require(request.Cost is >= 0 and <= 1_000_000_000m, "cost", "must be between 0 and 1,000,000,000 yuan")
            .Require(request.EndDate >= request.StartDate, "end-date", "is before the start date")
            .Require(!await db.Campaigns.AnyAsync(c => c.Code == request.Code.Trim(), ct), "code", $"\"{request.Code}\" is taken")
            .Require(await db.Projects.ExistsOrAbsent(request.ProjectId, ct), "project", Lookups.NotFoundMessage<Project>(request.ProjectId))
            .ThrowIfInvalid();
        var campaign = new Campaign
        {
            Code = request.Code.Trim(),
            Name = request.Name.Trim(),
            Channel = request.Channel,
            Cost = request.Cost,
            StartDate = request.StartDate,
            EndDate = request.EndDate,
            ProjectId = request.ProjectId,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }
}
