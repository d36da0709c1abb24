using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Operational.Data.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.References<Company, Company>(x => x.ParentCompanyId);
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Path).HasMaxLength(1000);
        b.HasIndex(x => x.Path);
        b.References<OrgUnit, Company>(x => x.CompanyId);
        b.References<OrgUnit, OrgUnit>(x => x.ParentId);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.HasIndex(x => x.UserName).IsUnique();
        b.Property(x => x.PasswordHash).HasMaxLength(400);
        b.Property(x => x.SecurityStamp).HasMaxLength(64);
        b.References<User, OrgUnit>(x => x.OrgUnitId);
        b.HasMany(x => x.Roles).WithOne().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<UserRole>
{
    public void Configure(EntityTypeBuilder<UserRole> b)
    {
        b.HasKey(x => new { x.UserId, x.RoleId });
        b.References<UserRole, Role>(x => x.RoleId);
    }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.HasMany(x => x.Functions).WithOne().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoleFunctionConfiguration : IEntityTypeConfiguration<RoleFunction>
{
    public void Configure(EntityTypeBuilder<RoleFunction> b) => b.HasKey(x => new { x.RoleId, x.Function });
}

internal sealed class BusinessParameterConfiguration : IEntityTypeConfiguration<BusinessParameter>
{
    public void Configure(EntityTypeBuilder<BusinessParameter> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Description).HasMaxLength(500);
        b.HasData(
            new BusinessParameter { Key = BusinessParameterKeys.MaxDiscountWithoutApproval, Value = "3", Description = "percent a rep may grant without a manager's approval" },
            new BusinessParameter { Key = BusinessParameterKeys.ReservationHoldDays, Value = "7", Description = "days a reservation holds a unit before the contract must be signed" },
            new BusinessParameter { Key = BusinessParameterKeys.MaxCallsPerCustomerPerWeek, Value = "2", Description = "outbound call cap per customer per week" },
            new BusinessParameter { Key = BusinessParameterKeys.EscalateAfterSlaFraction, Value = "0.8", Description = "a work order escalates once this fraction of its SLA has passed unresolved" });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.Before).IsUnboundedText();
        b.Property(x => x.After).IsUnboundedText();
        b.Property(x => x.EntityKey).HasMaxLength(100);
        b.HasIndex(x => new { x.Entity, x.EntityKey });
        b.HasIndex(x => x.At);
    }
}
