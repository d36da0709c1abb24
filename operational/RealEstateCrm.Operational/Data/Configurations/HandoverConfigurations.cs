using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Handover;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Data.Configurations;

internal sealed class InspectionBatchConfiguration : IEntityTypeConfiguration<InspectionBatch>
{
    public void Configure(EntityTypeBuilder<InspectionBatch> b)
    {
        b.References<InspectionBatch, Project>(x => x.ProjectId);
        b.HasMany(x => x.Units).WithOne().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionUnitConfiguration : IEntityTypeConfiguration<InspectionUnit>
{
    public void Configure(EntityTypeBuilder<InspectionUnit> b)
    {
        b.HasIndex(x => new { x.BatchId, x.UnitId }).IsUnique();
        b.References<InspectionUnit, Unit>(x => x.UnitId);
        b.References<InspectionUnit, Customer>(x => x.CustomerId);
        b.HasMany(x => x.Issues).WithOne().HasForeignKey(x => x.InspectionUnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionIssueConfiguration : IEntityTypeConfiguration<InspectionIssue>
{
    public void Configure(EntityTypeBuilder<InspectionIssue> b)
    {
        b.Property(x => x.Description).HasMaxLength(1000);
        b.References<InspectionIssue, ComplaintCategory>(x => x.CategoryId);
        b.References<InspectionIssue, WorkOrder>(x => x.WorkOrderId);
    }
}
