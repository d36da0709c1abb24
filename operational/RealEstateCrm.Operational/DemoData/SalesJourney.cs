using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Marketing;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.DemoData;

/// <summary>A customer's way from lead to contract: leads by channel and campaign, visits, the
/// conversion decision (<see cref="CausalModel.ConversionProbability"/>), reservation with discount
/// approval, contract, payment schedule, payments and mortgage, or a cancellation and its reason.</summary>
internal sealed class SalesJourney(DemoWorld world, RowBuffer rows, DemoRandom random)
{
    private static readonly (Channel Channel, double Weight)[] Channels =
        [(Channel.WalkIn, 0.15), (Channel.Phone, 0.12), (Channel.Website, 0.1), (Channel.WeChat, 0.15), (Channel.Referral, 0.08), (Channel.Agency, 0.12), (Channel.Event, 0.08), (Channel.Billboard, 0.05), (Channel.Douyin, 0.15)];

    private readonly HashSet<(Guid Campaign, Guid Customer)> _members = [];

    /// <summary>A signed contract and what the after-sales story needs to know about it.</summary>
    public sealed record Sale(Customer Customer, Lead Lead, Contract Contract, UnitSlot Unit, ProjectState Project, bool MortgageRejected);

    public List<Lead> Leads { get; } = [];
    public Dictionary<Guid, int> VisitsByLead { get; } = [];

    public List<Sale> Run(Customer customer, bool isDuplicate)
    {
        var sales = new List<Sale>();
        var leadCount = isDuplicate ? random.Next(0, 2) : 1 + random.Poisson(world.Options.Scale.LeadsPerCustomer - 1);
        var at = customer.CreatedAt;
        for (var i = 0; i < leadCount && at < world.AsOf; i++)
        {
            var project = ProjectFor(customer);
            if (i == 0)
            {
                customer.HomeProjectId = project.Project.Id;
                customer.AssignedRepUserId = random.Pick(project.Reps).Id;
            }
            if (Lead(customer, project, at) is { } sale) sales.Add(sale);
            at = at.AddDays(random.Exponential(45));
        }
        // Campaigns also target people who never answered them (the denominator of a response rate).
        if (customer.HomeProjectId is not null && customer.MarketingConsent && !customer.DoNotCall && random.Chance(0.15))
        {
            var home = world.Projects.First(p => p.Project.Id == customer.HomeProjectId);
            if (home.Campaigns.Count > 0 && random.Pick(home.Campaigns) is var campaign && _members.Add((campaign.Id, customer.Id)))
                rows.Add(new CampaignMember { Id = random.Id(customer.CreatedAt), CampaignId = campaign.Id, CustomerId = customer.Id, AddedAt = customer.CreatedAt });
        }
        customer.Segment = sales.Count > 1 ? CustomerSegment.Investor
            : sales.Count == 1 ? (customer.BirthDate?.Year < 1980 ? CustomerSegment.Upgrader : CustomerSegment.FirstHomeBuyer)
            : CustomerSegment.Prospect;
        return sales;
    }

    private ProjectState ProjectFor(Customer customer)
    {
        var local = world.Projects.Where(p => p.Project.City == customer.City).ToList();
        return local.Count > 0 && random.Chance(0.8) ? random.Pick(local) : random.Pick(world.Projects);
    }

    private Sale? Lead(Customer customer, ProjectState project, DateTime createdAt)
    {
        // Registration (蓄客) opens two months before launch; nothing can be reserved before the launch itself.
        var launch = project.Project.LaunchDate!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (createdAt < launch.AddDays(-60)) createdAt = random.Between(launch.AddDays(-60), launch);
        var channel = random.Pick(Channels);
        var campaign = project.Campaigns.Where(c => c.Channel == channel).OrderBy(c => Math.Abs(c.StartDate.DayNumber - DateOnly.FromDateTime(createdAt).DayNumber)).FirstOrDefault();
        var budgetRatio = CausalModel.IncomeLevel(customer.IncomeBand) switch { 0 => 0.7, 1 => 0.9, 2 => 1.1, _ => 1.4 } * (0.8 + random.NextDouble() * 0.4);
        var responseHours = channel == Channel.WalkIn ? 0 : random.Exponential(8);
        var lead = rows.Add(new Lead
        {
            Id = random.Id(createdAt), CustomerId = customer.Id, ProjectId = project.Project.Id, Channel = channel, CampaignId = campaign?.Id,
            AssignedRepUserId = customer.AssignedRepUserId ?? random.Pick(project.Reps).Id,
            Budget = Math.Round(project.TypicalUnitPrice * (decimal)budgetRatio / 10_000m) * 10_000m,
            WantedBedrooms = Math.Clamp(customer.FamilySize <= 2 ? 2 : customer.FamilySize <= 4 ? 3 : 4 + random.Next(-1, 1), 2, 4),
            CreatedAt = createdAt,
        });
        Leads.Add(lead);
        if (createdAt.AddHours(responseHours) <= world.AsOf) lead.FirstContactAt = createdAt.AddHours(responseHours);
        if (campaign is not null && _members.Add((campaign.Id, customer.Id)))
            rows.Add(new CampaignMember { Id = random.Id(createdAt), CampaignId = campaign.Id, CustomerId = customer.Id, AddedAt = createdAt, RespondedAt = createdAt });

        var plannedVisits = channel == Channel.WalkIn ? 1 + random.Poisson(0.7) : random.Poisson(channel == Channel.Referral ? 1.2 : 0.7);
        var lastVisit = createdAt;
        var visits = 0;
        for (var v = 0; v < plannedVisits; v++)
        {
            var visitedAt = channel == Channel.WalkIn && v == 0 ? createdAt : random.Between(lastVisit, lastVisit.AddDays(30));
            if (visitedAt > world.AsOf) break;
            rows.Add(new Visit { Id = random.Id(visitedAt), CustomerId = customer.Id, ProjectId = project.Project.Id, LeadId = lead.Id, RepUserId = lead.AssignedRepUserId, VisitedAt = visitedAt, Party = 1 + random.Next(0, Math.Max(1, customer.FamilySize)) });
            lastVisit = visitedAt;
            visits++;
        }
        VisitsByLead[lead.Id] = visits;

        var gap = project.CompetitorGap(createdAt, world.Start);
        var p = CausalModel.ConversionProbability(channel, visits, budgetRatio, responseHours, gap);
        var earliest = lastVisit.AddHours(1) > launch ? lastVisit.AddHours(1) : launch;
        var reservedAt = random.Between(earliest, createdAt.AddDays(90));
        var converts = random.Chance(p) && reservedAt <= createdAt.AddDays(90) && reservedAt <= world.AsOf;
        var unit = converts ? TakeUnit(project, lead.WantedBedrooms!.Value) : null;
        rows.Add(new TrueProbability { CustomerId = customer.Id, SubjectId = lead.Id, Outcome = CausalModel.LeadConversion, Probability = p, Happened = unit is not null });

        lead.Status = visits > 0 ? LeadStatus.Visited : lead.FirstContactAt is null ? LeadStatus.New : LeadStatus.Contacted;
        if (unit is null)
        {
            if (createdAt.AddDays(90) < world.AsOf) Lose(lead, createdAt.AddDays(90), budgetRatio < 0.9 ? LostReason.PriceTooHigh : gap < -0.05 ? LostReason.LostToCompetitor : random.Pick([LostReason.Unreachable, LostReason.ChangedMind, LostReason.Other]), project);
            return null;
        }
        return Reserve(customer, project, lead, unit, reservedAt, budgetRatio);
    }

    private UnitSlot? TakeUnit(ProjectState project, int bedrooms)
    {
        if (project.Unsold.Count == 0) return null;
        var index = random.Next(project.Unsold.Count);
        for (var attempt = 0; attempt < 6 && project.Unsold[index].Bedrooms != bedrooms; attempt++) index = random.Next(project.Unsold.Count);
        var unit = project.Unsold[index];
        project.Unsold[index] = project.Unsold[^1];
        project.Unsold.RemoveAt(project.Unsold.Count - 1);
        return unit;
    }

    private void Lose(Lead lead, DateTime at, LostReason reason, ProjectState project)
    {
        lead.Status = LeadStatus.Lost;
        lead.ClosedAt = at;
        lead.LostReason = reason;
        if (reason == LostReason.LostToCompetitor) lead.LostToCompetitorId = random.Pick(project.NearbyCompetitors);
    }

    private Sale? Reserve(Customer customer, ProjectState project, Lead lead, UnitSlot unit, DateTime reservedAt, double budgetRatio)
    {
        // Buyers stretching their budget bargain harder; above 3% a manager must approve.
        var discount = Math.Round((decimal)(random.NextDouble() * (budgetRatio < 1 ? 6 : 3)), 1);
        DiscountApproval? approval = null;
        if (discount > 3)
        {
            var approved = random.Chance(0.85);
            approval = rows.Add(new DiscountApproval
            {
                Id = random.Id(reservedAt), UnitId = unit.Id, CustomerId = customer.Id, RequestedByUserId = lead.AssignedRepUserId!.Value, DiscountPercent = discount,
                Reason = "客户预算有限，申请额外折扣 budget-limited buyer", Status = approved ? ApprovalStatus.Approved : ApprovalStatus.Rejected,
                DecidedByUserId = world.Staff("manager")[0].Id, RequestedAt = reservedAt.AddHours(-4), DecidedAt = reservedAt.AddHours(-1),
            });
            if (!approved) discount = 3;
        }
        var agreed = Math.Round(unit.ListPrice * (1 - discount / 100m) / 100m) * 100m;
        var reservation = rows.Add(new Reservation
        {
            Id = random.Id(reservedAt), UnitId = unit.Id, CustomerId = customer.Id, LeadId = lead.Id, RepUserId = lead.AssignedRepUserId,
            ReservedAt = reservedAt, ExpiresAt = reservedAt.AddDays(7), Deposit = random.Chance(0.5) ? 50_000m : 20_000m,
            ListPrice = unit.ListPrice, DiscountPercent = discount, AgreedPrice = agreed, DiscountApprovalId = approval?.Id,
        });
        lead.Status = LeadStatus.Reserved;
        var signedAt = reservedAt.AddHours(random.Next(24, 24 * 7));
        if (signedAt > world.AsOf)
        {
            reservation.Status = reservation.ExpiresAt > world.AsOf ? ReservationStatus.Active : ReservationStatus.Expired;
            return null;
        }
        if (!random.Chance(0.88))
        {
            reservation.Status = ReservationStatus.Cancelled;
            var reason = random.Pick([(LostReason.LostToCompetitor, 0.35), (LostReason.PriceTooHigh, 0.25), (LostReason.ChangedMind, 0.25), (LostReason.Financial, 0.15)]);
            Lose(lead, signedAt, reason, project);
            rows.Add(new Cancellation
            {
                Id = random.Id(signedAt), UnitId = unit.Id, CustomerId = customer.Id, ReservationId = reservation.Id, CancelledAt = signedAt,
                Reason = reason, CompetitorId = lead.LostToCompetitorId, RefundAmount = reservation.Deposit, Notes = "认购后退订 cancelled before contract",
            });
            project.Unsold.Add(unit);
            return null;
        }
        reservation.Status = ReservationStatus.Converted;
        lead.Status = LeadStatus.Won;
        lead.ClosedAt = signedAt;
        return Sign(customer, project, lead, unit, reservation, signedAt);
    }

    private Sale Sign(Customer customer, ProjectState project, Lead lead, UnitSlot unit, Reservation reservation, DateTime signedAt)
    {
        var method = customer.IncomeBand == IncomeBand.High && random.Chance(0.4) ? PaymentMethod.FullPayment
            : random.Pick([(PaymentMethod.Mortgage, 0.7), (PaymentMethod.Instalments, 0.15), (PaymentMethod.FullPayment, 0.15)]);
        var contract = rows.Add(new Contract
        {
            Id = random.Id(signedAt), ContractNo = $"HT{signedAt:yyyy}-{world.NextContractNo++:000000}", ReservationId = reservation.Id, UnitId = unit.Id,
            CustomerId = customer.Id, RepUserId = lead.AssignedRepUserId, SignedAt = signedAt, ListPrice = unit.ListPrice,
            DiscountAmount = unit.ListPrice - reservation.AgreedPrice, FinalPrice = reservation.AgreedPrice, Area = unit.Area, PaymentMethod = method,
        });
        (PaymentKind Kind, decimal Share, int Days)[] plan = method switch
        {
            PaymentMethod.Mortgage => [(PaymentKind.DownPayment, 0.3m, 7), (PaymentKind.Mortgage, 0.7m, 60)],
            PaymentMethod.Instalments => [(PaymentKind.DownPayment, 0.3m, 7), (PaymentKind.Instalment, 0.35m, 90), (PaymentKind.Balance, 0.35m, 180)],
            _ => [(PaymentKind.Balance, 1m, 14)],
        };
        var mortgageRejected = false;
        DateTime? disbursedAt = null;
        if (method == PaymentMethod.Mortgage)
        {
            var appliedAt = signedAt.AddDays(random.Next(3, 12));
            var decidedAt = appliedAt.AddDays(random.Next(10, 30));
            var rejected = random.Chance(CausalModel.MortgageRejection(customer.IncomeBand));
            var decided = decidedAt <= world.AsOf;
            mortgageRejected = rejected && decided;
            if (decided && !rejected && decidedAt.AddDays(10) <= world.AsOf) disbursedAt = decidedAt.AddDays(random.Next(3, 10));
            if (appliedAt <= world.AsOf)
                rows.Add(new Mortgage
                {
                    Id = random.Id(appliedAt), ContractId = contract.Id, Bank = random.Pick(ChineseVocabulary.Banks), Amount = Math.Round(contract.FinalPrice * 0.7m, 2),
                    TermYears = random.Pick([20, 25, 30]), AppliedAt = appliedAt,
                    Status = !decided ? MortgageStatus.Applied : rejected ? MortgageStatus.Rejected : disbursedAt is null ? MortgageStatus.Approved : MortgageStatus.Disbursed,
                    DecidedAt = decided ? decidedAt : null, DisbursedAt = disbursedAt,
                    RejectionReason = mortgageRejected ? random.Pick(ChineseVocabulary.MortgageRejections) : null,
                });
        }

        var allPaid = true;
        for (var i = 0; i < plan.Length; i++)
        {
            var (kind, share, days) = plan[i];
            var amount = i == plan.Length - 1 ? contract.FinalPrice - plan.Take(i).Sum(p => Math.Round(contract.FinalPrice * p.Share, 2)) : Math.Round(contract.FinalPrice * share, 2);
            var item = rows.Add(new PaymentScheduleItem { Id = random.Id(signedAt), ContractId = contract.Id, Seq = i + 1, Kind = kind, DueDate = DateOnly.FromDateTime(signedAt.AddDays(days)), Amount = amount });
            DateTime? paidAt = kind == PaymentKind.Mortgage ? disbursedAt
                : signedAt.AddDays(days) <= world.AsOf && random.Chance(0.95) ? Min(signedAt.AddDays(days + random.Next(-3, 10)), world.AsOf) : null;
            if (paidAt is null) { allPaid = false; continue; }
            item.PaidAmount = amount;
            item.PaidAt = paidAt;
            rows.Add(new Payment
            {
                Id = random.Id(paidAt.Value), ContractId = contract.Id, ScheduleItemId = item.Id, Amount = amount, PaidAt = paidAt.Value,
                Channel = kind == PaymentKind.Mortgage ? PaymentChannel.Mortgage : random.Pick([PaymentChannel.BankTransfer, PaymentChannel.BankTransfer, PaymentChannel.Pos]),
                ReceiptNo = $"SK{paidAt:yyyyMMdd}{random.Next(100_000, 999_999)}",
            });
        }
        if (allPaid) contract.Status = ContractStatus.Paid;
        return new Sale(customer, lead, contract, unit, project, mortgageRejected);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
