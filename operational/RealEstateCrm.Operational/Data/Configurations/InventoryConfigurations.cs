using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Customers;

namespace RealEstateCrm.Operational.Data.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.References<Project, Company>(x => x.CompanyId);
        b.References<Project, OrgUnit>(x => x.OrgUnitId);
    }
}

internal sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> b)
    {
        b.HasIndex(x => new { x.ProjectId, x.Name }).IsUnique();
        b.References<Building, Project>(x => x.ProjectId);
        b.HasMany(x => x.Stacks).WithOne().HasForeignKey(x => x.BuildingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BuildingStackConfiguration : IEntityTypeConfiguration<BuildingStack>
{
    public void Configure(EntityTypeBuilder<BuildingStack> b) => b.HasIndex(x => new { x.BuildingId, x.StackNo }).IsUnique();
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.HasIndex(x => new { x.BuildingId, x.RoomNo }).IsUnique();
        b.HasIndex(x => new { x.ProjectId, x.Status });
        b.References<Unit, Project>(x => x.ProjectId);
        b.References<Unit, Building>(x => x.BuildingId);
        // Two reps reserving the same unit at once: the second save must fail, not both succeed.
        b.Property(x => x.Status).IsConcurrencyToken();
    }
}

internal sealed class PriceListConfiguration : IEntityTypeConfiguration<PriceList>
{
    public void Configure(EntityTypeBuilder<PriceList> b)
    {
        b.References<PriceList, Project>(x => x.ProjectId);
        b.References<PriceList, User>(x => x.ApprovedByUserId);
        b.Property(x => x.Status).IsConcurrencyToken();
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.PriceListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PriceListItemConfiguration : IEntityTypeConfiguration<PriceListItem>
{
    public void Configure(EntityTypeBuilder<PriceListItem> b)
    {
        b.HasIndex(x => new { x.PriceListId, x.UnitId }).IsUnique();
        b.References<PriceListItem, Unit>(x => x.UnitId);
    }
}

internal sealed class DiscountApprovalConfiguration : IEntityTypeConfiguration<DiscountApproval>
{
    public void Configure(EntityTypeBuilder<DiscountApproval> b)
    {
        b.Property(x => x.DiscountPercent).HasPrecision(5, 2);
        b.References<DiscountApproval, Unit>(x => x.UnitId);
        b.References<DiscountApproval, Customer>(x => x.CustomerId);
        b.References<DiscountApproval, User>(x => x.RequestedByUserId);
        b.References<DiscountApproval, User>(x => x.DecidedByUserId);
        b.HasIndex(x => x.Status);
        // A decision is final: of two managers deciding at once, the second save must fail.
        b.Property(x => x.Status).IsConcurrencyToken();
    }
}
