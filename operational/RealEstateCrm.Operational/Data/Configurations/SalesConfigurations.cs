using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Data.Configurations;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        b.Property(x => x.LeadNo).HasMaxLength(32);
        b.HasIndex(x => x.LeadNo).IsUnique();
        b.References<Lead, Customer>(x => x.CustomerId);
        b.References<Lead, Project>(x => x.ProjectId);
        b.References<Lead, Campaign>(x => x.CampaignId);
        b.References<Lead, User>(x => x.AssignedRepUserId);
        b.References<Lead, Competitor>(x => x.LostToCompetitorId);
        b.HasIndex(x => new { x.AssignedRepUserId, x.Status });
        b.HasIndex(x => x.CreatedAt);
        // Covers the sales-control chart's demand (a project's open leads, their bedrooms and budget) without reading
        // the lead rows: a large project has a thousand open leads among hundreds of thousands.
        b.HasIndex(x => new { x.ProjectId, x.Status, x.WantedBedrooms, x.Budget, x.Id });
        // Covers a data scope's customers seen through their leads (DataScopeQueries.VisibleCustomers lists a project's
        // lead customers): without it SQLite read ten thousand lead rows for every scoped customer search, 30 ms a query.
        b.HasIndex(x => new { x.ProjectId, x.CustomerId });
    }
}

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(x => x.Notes).HasMaxLength(1000);
        b.References<Visit, Customer>(x => x.CustomerId);
        b.References<Visit, Project>(x => x.ProjectId);
        b.References<Visit, Lead>(x => x.LeadId);
        b.References<Visit, User>(x => x.RepUserId);
    }
}

internal sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> b)
    {
        b.Property(x => x.DiscountPercent).HasPrecision(5, 2);
        b.References<Reservation, Unit>(x => x.UnitId);
        b.References<Reservation, Customer>(x => x.CustomerId);
        b.References<Reservation, Lead>(x => x.LeadId);
        b.References<Reservation, User>(x => x.RepUserId);
        b.References<Reservation, DiscountApproval>(x => x.DiscountApprovalId);
        // The workbench's "about to expire" card: the few hundred active reservations by expiry, not a scan of every one ever made.
        b.HasIndex(x => new { x.Status, x.ExpiresAt });
    }
}

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.HasIndex(x => x.ContractNo).IsUnique();
        b.References<Contract, Reservation>(x => x.ReservationId);
        b.References<Contract, Unit>(x => x.UnitId);
        b.References<Contract, Customer>(x => x.CustomerId);
        b.References<Contract, User>(x => x.RepUserId);
        b.HasMany(x => x.Schedule).WithOne().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaymentScheduleItemConfiguration : IEntityTypeConfiguration<PaymentScheduleItem>
{
    public void Configure(EntityTypeBuilder<PaymentScheduleItem> b)
    {
        b.HasIndex(x => new { x.ContractId, x.Seq }).IsUnique();
        // Two payments booked on one item at once must not both pass the overpayment check.
        b.Property(x => x.PaidAmount).IsConcurrencyToken();
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.References<Payment, Contract>(x => x.ContractId);
        b.References<Payment, PaymentScheduleItem>(x => x.ScheduleItemId);
    }
}

internal sealed class MortgageConfiguration : IEntityTypeConfiguration<Mortgage>
{
    public void Configure(EntityTypeBuilder<Mortgage> b)
    {
        b.References<Mortgage, Contract>(x => x.ContractId);
        // A mortgage is decided and disbursed once: the second of two simultaneous decisions must fail.
        b.Property(x => x.Status).IsConcurrencyToken();
    }
}

internal sealed class CancellationConfiguration : IEntityTypeConfiguration<Cancellation>
{
    public void Configure(EntityTypeBuilder<Cancellation> b)
    {
        b.Property(x => x.Notes).HasMaxLength(1000);
        b.References<Cancellation, Unit>(x => x.UnitId);
        b.References<Cancellation, Customer>(x => x.CustomerId);
        b.References<Cancellation, Reservation>(x => x.ReservationId);
        b.References<Cancellation, Contract>(x => x.ContractId);
        b.References<Cancellation, Competitor>(x => x.CompetitorId);
    }
}
