using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.References<Campaign, Project>(x => x.ProjectId);
    }
}

internal sealed class CampaignMemberConfiguration : IEntityTypeConfiguration<CampaignMember>
{
    public void Configure(EntityTypeBuilder<CampaignMember> b)
    {
        b.HasIndex(x => new { x.CampaignId, x.CustomerId }).IsUnique();
        b.References<CampaignMember, Campaign>(x => x.CampaignId);
        b.References<CampaignMember, Customer>(x => x.CustomerId);
    }
}

internal sealed class CallListConfiguration : IEntityTypeConfiguration<CallList>
{
    public void Configure(EntityTypeBuilder<CallList> b)
    {
        b.References<CallList, User>(x => x.OwnerUserId);
        b.References<CallList, Campaign>(x => x.CampaignId);
        b.HasIndex(x => new { x.OwnerUserId, x.ForDate });
        b.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.CallListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CallListEntryConfiguration : IEntityTypeConfiguration<CallListEntry>
{
    public void Configure(EntityTypeBuilder<CallListEntry> b)
    {
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.Notes).HasMaxLength(1000);
        b.References<CallListEntry, Customer>(x => x.CustomerId);
        b.References<CallListEntry, Lead>(x => x.LeadId);
        // A lead's scores over time (the chart's demand takes each open lead's latest) read from the index alone.
        b.HasIndex(x => new { x.LeadId, x.CallListId, x.Score });
    }
}

internal sealed class CompetitorConfiguration : IEntityTypeConfiguration<Competitor>
{
    public void Configure(EntityTypeBuilder<Competitor> b)
    {
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Notes).HasMaxLength(1000);
    }
}

internal sealed class CompetitorProjectConfiguration : IEntityTypeConfiguration<CompetitorProject>
{
    public void Configure(EntityTypeBuilder<CompetitorProject> b)
    {
        b.References<CompetitorProject, Competitor>(x => x.CompetitorId);
        b.References<CompetitorProject, Project>(x => x.NearProjectId);
    }
}

internal sealed class CompetitorPriceObservationConfiguration : IEntityTypeConfiguration<CompetitorPriceObservation>
{
    public void Configure(EntityTypeBuilder<CompetitorPriceObservation> b)
    {
        b.References<CompetitorPriceObservation, CompetitorProject>(x => x.CompetitorProjectId);
        b.HasIndex(x => new { x.CompetitorProjectId, x.ObservedOn }).IsUnique();
    }
}
