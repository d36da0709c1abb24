using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Operational.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Phone);
        b.HasIndex(x => x.IdNumber);
        b.HasIndex(x => x.Name);
        // The advanced search's conditions (条件查询): without them a segment or city search reads all customers.
        b.HasIndex(x => new { x.Segment, x.IncomeBand });
        b.HasIndex(x => x.City);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.References<Customer, Customer>(x => x.ReferredByCustomerId);
        b.References<Customer, Customer>(x => x.MergedIntoId);
        b.References<Customer, User>(x => x.AssignedRepUserId);
        b.References<Customer, Project>(x => x.HomeProjectId);
        b.HasMany(x => x.Contacts).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Tags).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomerContactConfiguration : IEntityTypeConfiguration<CustomerContact>
{
    public void Configure(EntityTypeBuilder<CustomerContact> b) => b.HasIndex(x => x.Value);
}

internal sealed class CustomerTagConfiguration : IEntityTypeConfiguration<CustomerTag>
{
    public void Configure(EntityTypeBuilder<CustomerTag> b)
    {
        b.Property(x => x.Tag).HasMaxLength(50);
        b.HasIndex(x => new { x.CustomerId, x.Tag }).IsUnique();
    }
}

internal sealed class FamilyLinkConfiguration : IEntityTypeConfiguration<FamilyLink>
{
    public void Configure(EntityTypeBuilder<FamilyLink> b)
    {
        b.References<FamilyLink, Customer>(x => x.CustomerId);
        b.References<FamilyLink, Customer>(x => x.RelatedCustomerId);
    }
}

internal sealed class CustomerMergeConfiguration : IEntityTypeConfiguration<CustomerMerge>
{
    public void Configure(EntityTypeBuilder<CustomerMerge> b)
    {
        b.References<CustomerMerge, Customer>(x => x.SurvivorId);
        b.References<CustomerMerge, Customer>(x => x.MergedId);
    }
}
