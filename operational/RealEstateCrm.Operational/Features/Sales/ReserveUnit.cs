using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Features.Customers;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Operational.Features.Sales;

/// <summary>Reserves an available unit for a customer (认购/订房) at the list price less a discount. A discount
/// above the sales.max-discount-without-approval parameter needs an approved discount request for this unit
/// (and this customer, when the request named one) of at least that percent, not already used by a live
/// reservation. The hold lasts sales.reservation-hold-days. Of two reps reserving the same unit at once,
/// exactly one succeeds: the unit's status is a concurrency token.</summary>
[UseCase]
public sealed class ReserveUnit(CrmDbContext db)
{
    public sealed record Request(Guid UnitId, Guid CustomerId, decimal Deposit, decimal DiscountPercent = 0, Guid? LeadId = null, Guid? RepUserId = null, DateTime? At = null);

    public async Task<Reservation> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .Require(request.Deposit > 0, "deposit", "must be positive")
            .Require(request.DiscountPercent is >= 0 and < 100, "discount-percent", "must be from 0 to below 100");
        var unit = await db.Units.FindAsync([request.UnitId], ct);
        validator.Require(unit is not null, "unit", $"no unit with id {request.UnitId}");
        if (request.RepUserId is { } rep)
            validator.Require(await db.Users.AnyAsync(u => u.Id == rep, ct), "rep", $"no user with id {rep}");
        validator.ThrowIfInvalid();
        var customer = await LiveCustomer.RequireAsync(db, request.CustomerId, ct);
        if (unit!.Status != UnitStatus.Available) throw new DomainException($"unit {unit.RoomNo} is {unit.Status}, not available", "unit");
        var lead = await LeadForAsync(request.LeadId, customer.Id, unit.ProjectId, ct);

        var approvalId = await ApprovalForAsync(unit, customer.Id, request.DiscountPercent, ct);
        var agreed = Math.Round(unit.ListPrice * (1 - request.DiscountPercent / 100m), 2, MidpointRounding.AwayFromZero);
        if (request.Deposit > agreed) throw new DomainException("the deposit cannot exceed the agreed price", "deposit");
        var holdDays = await SetBusinessParameter.ReadAsync(db, BusinessParameterKeys.ReservationHoldDays, ct);

        var at = request.At ?? DateTime.UtcNow;
        var reservation = new Reservation
        {
            UnitId = unit.Id,
            CustomerId = customer.Id,
            LeadId = lead?.Id,
            RepUserId = request.RepUserId ?? lead?.AssignedRepUserId,
            ReservedAt = at,
            ExpiresAt = at.AddDays((double)holdDays),
            Deposit = request.Deposit,
            ListPrice = unit.ListPrice,
            DiscountPercent = request.DiscountPercent,
            AgreedPrice = agreed,
            DiscountApprovalId = approvalId,
        };
        unit.MoveTo(UnitStatus.Reserved, at);
        lead?.AdvanceTo(LeadStatus.Reserved, at);
        db.Reservations.Add(reservation);
        await db.SaveRefusingConflictsAsync($"unit {unit.RoomNo}", "unit", ct);
        return reservation;
    }

    /// <summary>The lead the reservation closes: the one given, or else the customer's open lead on the unit's project.</summary>
    private async Task<Lead?> LeadForAsync(Guid? leadId, Guid customerId, Guid projectId, CancellationToken ct)
    {
        if (leadId is null)
            return await db.Leads.FirstOrDefaultAsync(l => l.CustomerId == customerId && l.ProjectId == projectId && l.Status != LeadStatus.Won && l.Status != LeadStatus.Lost, ct);
        var lead = await db.Leads.FindOrFail(leadId.Value, "lead", ct);
        if (lead.CustomerId != customerId || lead.ProjectId != projectId) throw new DomainException("the lead is another customer's or another project's", "lead");
        if (!lead.IsOpen) throw new DomainException($"the lead is already {lead.Status}", "lead");
        return lead;
    }

    private async Task<Guid?> ApprovalForAsync(Unit unit, Guid customerId, decimal discountPercent, CancellationToken ct)
    {
        var allowed = await SetBusinessParameter.ReadAsync(db, BusinessParameterKeys.MaxDiscountWithoutApproval, ct);
        if (discountPercent <= allowed) return null;
        var approval = await db.DiscountApprovals
            .Where(a => a.UnitId == unit.Id && a.Status == ApprovalStatus.Approved && a.DiscountPercent >= discountPercent
                        && (a.CustomerId == null || a.CustomerId == customerId)
                        && !db.Reservations.Any(r => r.DiscountApprovalId == a.Id && (r.Status == ReservationStatus.Active || r.Status == ReservationStatus.Converted)))
            .OrderBy(a => a.DiscountPercent).FirstOrDefaultAsync(ct);
        return approval?.Id ?? throw new DomainException(
            $"a discount of {discountPercent}% on unit {unit.RoomNo} is above the {allowed}% a rep may grant and needs an approved discount request", "discount-percent");
    }
}
