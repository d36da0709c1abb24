using System.Reflection;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Handover;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Outbox;

namespace RealEstateCrm.Operational.Data;

/// <summary>The operational database. One model for every provider; each provider has a thin subclass
/// (<see cref="Providers"/>) only so that its migrations have their own snapshot.</summary>
public abstract class CrmDbContext(DbContextOptions options) : DbContext(options)
{
    private Func<string> _actor = () => "system";

    /// <summary>Who is acting, for audit entries and work-order events; read when it is needed, not when the context is made.</summary>
    public string Actor
    {
        get => _actor();
        set => _actor = () => value;
    }

    /// <summary>Names the actor through <paramref name="source"/> at each use: a context the web creates while checking the
    /// sign-in cookie, before the request's user is known, still audits that user's changes under his name.</summary>
    public void ActorFrom(Func<string> source) => _actor = source;

    public abstract DatabaseProvider Provider { get; }

    public DbSet<Company> Companies => Set<Company>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Role> Roles => Set<Role>();
    public DbSet<BusinessParameter> BusinessParameters => Set<BusinessParameter>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<BuildingStack> BuildingStacks => Set<BuildingStack>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<PriceList> PriceLists => Set<PriceList>();
    public DbSet<DiscountApproval> DiscountApprovals => Set<DiscountApproval>();

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerContact> CustomerContacts => Set<CustomerContact>();
    public DbSet<CustomerTag> CustomerTags => Set<CustomerTag>();
    public DbSet<FamilyLink> FamilyLinks => Set<FamilyLink>();
    public DbSet<CustomerMerge> CustomerMerges => Set<CustomerMerge>();

    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<Reservation> Reservations => Set<Reservation>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<PaymentScheduleItem> PaymentScheduleItems => Set<PaymentScheduleItem>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Mortgage> Mortgages => Set<Mortgage>();
    public DbSet<Cancellation> Cancellations => Set<Cancellation>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignMember> CampaignMembers => Set<CampaignMember>();
    public DbSet<CallList> CallLists => Set<CallList>();
    public DbSet<CallListEntry> CallListEntries => Set<CallListEntry>();
    public DbSet<Competitor> Competitors => Set<Competitor>();
    public DbSet<CompetitorProject> CompetitorProjects => Set<CompetitorProject>();
    public DbSet<CompetitorPriceObservation> CompetitorPriceObservations => Set<CompetitorPriceObservation>();

    public DbSet<ReceptionRecord> ReceptionRecords => Set<ReceptionRecord>();
    public DbSet<ComplaintCategory> ComplaintCategories => Set<ComplaintCategory>();
    public DbSet<Contractor> Contractors => Set<Contractor>();
    public DbSet<ContractorScope> ContractorScopes => Set<ContractorScope>();
    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();
    public DbSet<WorkOrderEvent> WorkOrderEvents => Set<WorkOrderEvent>();
    public DbSet<ComplaintTopic> ComplaintTopics => Set<ComplaintTopic>();
    public DbSet<Compensation> Compensations => Set<Compensation>();
    public DbSet<ContractorChargeBack> ContractorChargeBacks => Set<ContractorChargeBack>();
    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();
    public DbSet<ReturnVisit> ReturnVisits => Set<ReturnVisit>();

    public DbSet<InspectionBatch> InspectionBatches => Set<InspectionBatch>();
    public DbSet<InspectionUnit> InspectionUnits => Set<InspectionUnit>();
    public DbSet<InspectionIssue> InspectionIssues => Set<InspectionIssue>();

    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<CallRecord> CallRecords => Set<CallRecord>();
    public DbSet<Voicemail> Voicemails => Set<Voicemail>();
    public DbSet<OutgoingMessage> OutgoingMessages => Set<OutgoingMessage>();
    public DbSet<DialerRun> DialerRuns => Set<DialerRun>();
    public DbSet<DialerCall> DialerCalls => Set<DialerCall>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DemoData.TrueProbability> TrueProbabilities => Set<DemoData.TrueProbability>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as strings: readable in SQL, stable when members are reordered, and what the ETL maps.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<string>().HaveMaxLength(200);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(Assembly.GetExecutingAssembly());
        SnakeCaseNames.Apply(modelBuilder);
    }

}
