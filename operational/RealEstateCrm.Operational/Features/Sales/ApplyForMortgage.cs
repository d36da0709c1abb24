using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Features.Sales;

/// <summary>Files a mortgage application (按揭申请) for a mortgage-paid contract. The amount is what the
/// schedule's mortgage item still lacks; one application at a time, a new one only after a rejection.</summary>
[UseCase]
public sealed class ApplyForMortgage(CrmDbContext db)
{
    public sealed record Request(Guid ContractId, string Bank, int TermYears, DateTime? At = null);

    public async Task<Mortgage> Handle(Request request, CancellationToken ct = default)
    {
        new Validator()
            .NotBlank(request.Bank, "bank", 100)
            .Require(request.TermYears is >= 1 and <= 30, "term-years", "must be between 1 and 30")
            .ThrowIfInvalid();
        var contract = await db.Contracts.Include(c => c.Schedule).SingleOrDefaultAsync(c => c.Id == request.ContractId, ct)
                       ?? throw Lookups.NotFound<Contract>("contract", request.ContractId);
        if (contract.PaymentMethod != PaymentMethod.Mortgage) throw new DomainException($"contract {contract.ContractNo} is paid by {contract.PaymentMethod}, not a mortgage", "contract");
        if (contract.Status != ContractStatus.Active) throw new DomainException($"contract {contract.ContractNo} is {contract.Status}", "contract");
        if (await db.Mortgages.AnyAsync(m => m.ContractId == contract.Id && (m.Status == MortgageStatus.Applied || m.Status == MortgageStatus.Approved || m.Status == MortgageStatus.Disbursed), ct))
            throw new DomainException($"contract {contract.ContractNo} already has a mortgage application that was not rejected", "contract");

        var item = contract.Schedule.Single(i => i.Kind == PaymentKind.Mortgage);
        var mortgage = new Mortgage
        {
            ContractId = contract.Id,
            Bank = request.Bank.Trim(),
            Amount = item.Amount - item.PaidAmount,
            TermYears = request.TermYears,
            AppliedAt = request.At ?? DateTime.UtcNow,
        };
        db.Mortgages.Add(mortgage);
        await db.SaveChangesAsync(ct);
        return mortgage;
    }
}
