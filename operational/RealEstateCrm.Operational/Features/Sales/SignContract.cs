using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Features.Sales;

/// <summary>Signs the sale contract (合同) of an active reservation at its agreed price. The contract number is
/// HT-&lt;project code&gt;-&lt;yyyyMM of signing&gt;-&lt;4-digit sequence within that project and month&gt;; the
/// payment schedule follows <see cref="PaymentPlan"/>, and the reservation deposit (定金) is credited to it as
/// the first payment. The unit becomes contracted, the reservation converted and the lead won.</summary>
[UseCase]
public sealed class SignContract(CrmDbContext db)
{
    // Each lost race means another contract was saved, so a handful of attempts outlasts any real burst of signings.
    private const int MaxNumberingAttempts = 10;

    public sealed record Request(Guid ReservationId, PaymentMethod PaymentMethod, decimal DownPaymentPercent = 30, int Instalments = 12, DateTime? At = null);

    public async Task<Contract> Handle(Request request, CancellationToken ct = default)
    {
        var reservation = await db.Reservations.FindOrFail(request.ReservationId, "reservation", ct);
        var at = request.At ?? DateTime.UtcNow;
        if (reservation.Status != ReservationStatus.Active) throw new DomainException($"the reservation is {reservation.Status}", "reservation");
        if (at > reservation.ExpiresAt) throw new DomainException($"the reservation expired at {reservation.ExpiresAt:u}", "reservation");
        var unit = await db.Units.SingleAsync(u => u.Id == reservation.UnitId, ct);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == unit.ProjectId, ct);

        var prefix = $"HT-{project.Code}-{at:yyyyMM}-";
        var contract = new Contract
        {
            ContractNo = await NextNumberAsync(prefix, ct),
            ReservationId = reservation.Id,
            UnitId = unit.Id,
            CustomerId = reservation.CustomerId,
            RepUserId = reservation.RepUserId,
            SignedAt = at,
            ListPrice = reservation.ListPrice,
            DiscountAmount = reservation.ListPrice - reservation.AgreedPrice,
            FinalPrice = reservation.AgreedPrice,
            Area = unit.Area,
            PaymentMethod = request.PaymentMethod,
        };
        contract.Schedule.AddRange(PaymentPlan.Build(contract.Id, request.PaymentMethod, contract.FinalPrice, DateOnly.FromDateTime(at), request.DownPaymentPercent, request.Instalments));
        unit.MoveTo(UnitStatus.Contracted, at);
        await CreditDepositAsync(contract, reservation.Deposit, at, ct);
        reservation.Status = ReservationStatus.Converted;
        if (reservation.LeadId is { } leadId) (await db.Leads.SingleAsync(l => l.Id == leadId, ct)).AdvanceTo(LeadStatus.Won, at);
        db.Contracts.Add(contract);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveRefusingConflictsAsync($"unit {unit.RoomNo}", "unit", ct);
                return contract;
            }
            catch (DbUpdateException) when (attempt < MaxNumberingAttempts)
            {
                // Another contract of the same project and month took the number between our reading the
                // highest one and our insert (the unique index refused ours): take the next one and save again.
                if (!await db.Contracts.AnyAsync(c => c.ContractNo == contract.ContractNo, ct)) throw;
                contract.ContractNo = await NextNumberAsync(prefix, ct);
            }
        }
    }

    /// <summary>One past the highest number with this prefix; fixed-width sequences sort as text.</summary>
    private async Task<string> NextNumberAsync(string prefix, CancellationToken ct)
    {
        var highest = await db.Contracts.Where(c => c.ContractNo.StartsWith(prefix)).MaxAsync(c => (string?)c.ContractNo, ct);
        var sequence = highest is null ? 1 : int.Parse(highest[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        return $"{prefix}{sequence:0000}";
    }

    private async Task CreditDepositAsync(Contract contract, decimal deposit, DateTime at, CancellationToken ct)
    {
        var left = deposit;
        foreach (var item in contract.Schedule.TakeWhile(_ => left > 0))
        {
            var amount = Math.Min(left, item.Amount);
            await ContractPayments.BookAsync(db, contract, item, amount, PaymentChannel.BankTransfer, "定金转房款 deposit", at, ct);
            left -= amount;
        }
    }
}
