using RealEstateCrm.Operational.Domain.Handover;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Handover;

namespace RealEstateCrm.Operational.DemoData;

/// <summary>What happens after a contract: mock inspection defects (some become work orders),
/// complaints and repairs with their events, compensations, charge-backs and return visits, the
/// cancellation decision (<see cref="CausalModel.CancellationProbability"/>), formal handover, and
/// add-on purchases recorded as customer tags, and owners leaving the property service
/// (<see cref="CausalModel.PropertyServiceExitPerYear"/>) drawn from their own stream, <paramref name="exits"/>, so the
/// rest of the after-sales data is the same with or without them.</summary>
internal sealed class AfterSales(DemoWorld world, RowBuffer rows, DemoRandom random, DemoRandom exits, ServiceDesk desk)
{

    public void Run(SalesJourney.Sale sale)
    {
        var (customer, _, contract, unit, project, mortgageRejected) = sale;
        var handover = unit.Handover.Date.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        var workOrders = new List<WorkOrder>();

        var defects = 0;
        InspectionUnit? mock = null;
        var mockAt = handover.AddDays(-60 + random.Next(0, 14));
        if (mockAt <= world.AsOf && contract.SignedAt < mockAt)
        {
            mock = rows.Add(new InspectionUnit { Id = random.Id(mockAt), BatchId = unit.Handover.MockBatchId, UnitId = unit.Id, CustomerId = customer.Id, InspectedAt = mockAt });
            defects = random.Poisson(project.DefectRate);
            mock.Result = defects == 0 ? InspectionResult.Accepted : InspectionResult.AcceptedWithIssues;
            for (var d = 0; d < defects; d++)
                if (desk.Defect(customer, project, unit, mock, mockAt) is { } order) workOrders.Add(order);
        }

        var repairs = random.Poisson(0.5);
        for (var r = 0; r < repairs; r++)
        {
            var opened = random.Between(contract.SignedAt, world.AsOf);
            var category = project.ComplaintTopicId is not null && random.Chance(0.3) ? world.LeafCategories.First(c => c.Id == project.ComplaintTopicCategoryId) : random.Pick(world.LeafCategories);
            workOrders.Add(desk.Open(customer, project, unit.Id, category, opened, category.Id == project.ComplaintTopicCategoryId ? project.ComplaintTopicId : null, null));
        }

        var openComplaints = workOrders.Count(w => w.IsOpen);
        var slowRepair = workOrders.Any(w => (w.ResolvedAt ?? world.AsOf) > w.DueAt);
        var p = CausalModel.CancellationProbability(openComplaints, slowRepair, defects, mortgageRejected);
        var cancelled = random.Chance(p);
        rows.Add(new TrueProbability { CustomerId = customer.Id, SubjectId = contract.Id, Outcome = CausalModel.ContractCancellation, Probability = p, Happened = cancelled });
        if (cancelled)
        {
            Cancel(sale, openComplaints > 0 || slowRepair);
            return;
        }

        if (handover.AddDays(30) <= world.AsOf && contract.Status == ContractStatus.Paid)
        {
            var inspectedAt = handover.AddDays(random.Next(0, 30));
            var refused = defects >= 4 && random.Chance(0.3);
            rows.Add(new InspectionUnit
            {
                Id = random.Id(inspectedAt), BatchId = unit.Handover.FormalBatchId, UnitId = unit.Id, CustomerId = customer.Id, InspectedAt = inspectedAt,
                Result = refused ? InspectionResult.Refused : defects > 0 ? InspectionResult.AcceptedWithIssues : InspectionResult.Accepted,
                HandedOverAt = refused ? null : inspectedAt,
            });
            if (!refused)
            {
                contract.Status = ContractStatus.HandedOver;
                customer.Segment = Domain.Customers.CustomerSegment.Owner;
                LeaveOrStay(customer, contract, inspectedAt, openComplaints, slowRepair, defects);
            }
        }

        foreach (var addOn in CausalModel.AddOns)
        {
            var q = addOn.Probability(unit.Bedrooms, customer.FamilySize, customer.IncomeBand);
            // Bought within 180 days of signing; the tag's key carries the purchase time (as a use case's
            // version-7 key would), which is all that dates the purchase for the cross-sell labels.
            var boughtAt = random.Chance(q) ? random.Between(contract.SignedAt, contract.SignedAt.AddDays(180)) : (DateTime?)null;
            var bought = boughtAt <= world.AsOf;
            rows.Add(new TrueProbability { CustomerId = customer.Id, SubjectId = contract.Id, Outcome = addOn.Tag, Probability = q, Happened = bought });
            if (bought) CustomerGenerator.AddTag(rows, random, customer, addOn.Tag, boughtAt!.Value);
        }
    }

    /// <summary>An owner may leave from 30 days after his handover on, at a constant yearly rate
    /// (<see cref="CausalModel.PropertyServiceExitPerYear"/>), so the time to leaving is exponential; he has left if that
    /// time falls by the as-of date. Recorded as the tag <see cref="LeavePropertyService"/> writes, its key carrying the time.
    /// The true probability stored is that of leaving by the as-of date. A customer leaves once, whichever unit it is for.</summary>
    private void LeaveOrStay(Domain.Customers.Customer customer, Contract contract, DateTime handedOverAt, int openComplaints, bool slowRepair, int defects)
    {
        var from = handedOverAt.AddDays(30);
        if (from >= world.AsOf || customer.Tags.Any(t => t.Tag == LeavePropertyService.Tag)) return;
        var perYear = CausalModel.PropertyServiceExitPerYear(openComplaints, slowRepair, defects);
        var leftAt = from.AddDays(exits.Exponential(365 / -Math.Log(1 - perYear)));
        var p = 1 - Math.Pow(1 - perYear, (world.AsOf - from).TotalDays / 365);
        rows.Add(new TrueProbability { CustomerId = customer.Id, SubjectId = contract.Id, Outcome = CausalModel.PropertyServiceExit, Probability = p, Happened = leftAt <= world.AsOf });
        if (leftAt <= world.AsOf) CustomerGenerator.AddTag(rows, exits, customer, LeavePropertyService.Tag, leftAt);
    }

    private void Cancel(SalesJourney.Sale sale, bool serviceTrouble)
    {
        var (customer, lead, contract, unit, project, mortgageRejected) = sale;
        var at = random.Between(contract.SignedAt.AddDays(1), world.AsOf);
        var reason = mortgageRejected ? LostReason.MortgageRejected
            : serviceTrouble ? LostReason.ServiceComplaint
            : random.Pick([(LostReason.LostToCompetitor, 0.5), (LostReason.Financial, 0.3), (LostReason.ChangedMind, 0.2)]);
        var competitor = reason == LostReason.LostToCompetitor ? random.Pick(project.NearbyCompetitors) : (Guid?)null;
        contract.Status = ContractStatus.Cancelled;
        lead.Status = LeadStatus.Lost;
        lead.LostReason = reason;
        lead.LostToCompetitorId = competitor;
        lead.ClosedAt = at;
        rows.Add(new Cancellation
        {
            Id = random.Id(at), UnitId = unit.Id, CustomerId = customer.Id, ContractId = contract.Id, ReservationId = contract.ReservationId, CancelledAt = at,
            Reason = reason, CompetitorId = competitor, RefundAmount = Math.Round(contract.FinalPrice * 0.3m * 0.95m, 2),
            Notes = reason == LostReason.LostToCompetitor ? $"转买{world.Competitors.First(c => c.Id == competitor).Name}项目 bought from a competitor" : null,
        });
    }
}
