using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Features.Sales;

/// <summary>Cancels (退房) an active reservation or a contract not yet handed over, with the reason; a sale lost to a
/// competitor names the competitor (the competitor-analysis dashboards count them). The refund cannot exceed what
/// the customer paid (the deposit, or the contract's payments). The unit goes back on sale and the lead is lost.</summary>
[UseCase]
public sealed class CancelSale(CrmDbContext db)
{
    public sealed record Request(LostReason Reason, decimal RefundAmount, Guid? ReservationId = null, Guid? ContractId = null,
        Guid? CompetitorId = null, string? Notes = null, DateTime? At = null);

    public async Task<Cancellation> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .Require(request.ReservationId is null != request.ContractId is null, "reservation", "give either a reservation or a contract")
            .Require(request.RefundAmount >= 0, "refund-amount", "cannot be negative")
            .Require(request.Reason != LostReason.LostToCompetitor || request.CompetitorId is not null, "competitor", "is required when the sale was lost to a competitor")
            .MaxLength(request.Notes, "notes", 1000);
        if (request.CompetitorId is { } competitor)
            validator.Require(await db.Competitors.AnyAsync(c => c.Id == competitor, ct), "competitor", $"no competitor with id {competitor}");
        validator.ThrowIfInvalid();

        var at = request.At ?? DateTime.UtcNow;
        var (reservation, contract, paid) = request.ContractId is { } contractId
            ? await CancelContractAsync(contractId, ct)
            : await CancelReservationAsync(request.ReservationId!.Value, ct);
        if (request.RefundAmount > paid) throw new DomainException($"the refund {request.RefundAmount:0.00} exceeds the {paid:0.00} the customer paid", "refund-amount");

        var unitId = contract?.UnitId ?? reservation!.UnitId;
        var unit = await db.Units.SingleAsync(u => u.Id == unitId, ct);
        unit.MoveTo(UnitStatus.Available, at);
        if (reservation?.LeadId is { } leadId)
        {
            var lead = await db.Leads.SingleAsync(l => l.Id == leadId, ct);
            if (lead.Status != LeadStatus.Lost) lead.MarkLost(request.Reason, request.CompetitorId, at);
        }
        var cancellation = new Cancellation
        {
            UnitId = unit.Id,
            CustomerId = contract?.CustomerId ?? reservation!.CustomerId,
            ReservationId = reservation?.Id,
            ContractId = contract?.Id,
            CancelledAt = at,
            Reason = request.Reason,
            CompetitorId = request.CompetitorId,
            RefundAmount = request.RefundAmount,
            Notes = request.Notes,
        };
        db.Cancellations.Add(cancellation);
        await db.SaveRefusingConflictsAsync($"unit {unit.RoomNo}", "unit", ct);
        return cancellation;
    }

    private async Task<(Reservation?, Contract?, decimal Paid)> CancelContractAsync(Guid contractId, CancellationToken ct)
    {
        var contract = await db.Contracts.FindOrFail(contractId, "contract", ct);
        if (contract.Status is not (ContractStatus.Active or ContractStatus.Paid))
            throw new DomainException($"contract {contract.ContractNo} is {contract.Status} and cannot be cancelled", "contract");
        contract.Status = ContractStatus.Cancelled;
        var reservation = contract.ReservationId is { } id ? await db.Reservations.FindAsync([id], ct) : null;
        var paid = await db.Payments.Where(p => p.ContractId == contract.Id).SumAsync(p => p.Amount, ct);
        return (reservation, contract, paid);
    }

    private async Task<(Reservation?, Contract?, decimal Paid)> CancelReservationAsync(Guid reservationId, CancellationToken ct)
    {
        var reservation = await db.Reservations.FindOrFail(reservationId, "reservation", ct);
        if (reservation.Status != ReservationStatus.Active)
            throw new DomainException($"the reservation is {reservation.Status}; a converted one is cancelled through its contract", "reservation");
        reservation.Status = ReservationStatus.Cancelled;
        return (reservation, null, reservation.Deposit);
    }
}
