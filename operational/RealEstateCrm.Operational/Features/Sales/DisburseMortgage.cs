using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Features.Sales;

/// <summary>The bank pays out an approved mortgage (放款): the money is booked against the contract's mortgage item.</summary>
[UseCase]
public sealed class DisburseMortgage(CrmDbContext db)
{
    public sealed record Request(Guid MortgageId, DateTime? At = null);

    public async Task<Mortgage> Handle(Request request, CancellationToken ct = default)
    {
        var mortgage = await db.Mortgages.FindOrFail(request.MortgageId, "mortgage", ct);
        var at = request.At ?? DateTime.UtcNow;
        mortgage.MarkDisbursed(at);
        var contract = await db.Contracts.Include(c => c.Schedule).SingleAsync(c => c.Id == mortgage.ContractId, ct);
        var item = contract.Schedule.Single(i => i.Kind == PaymentKind.Mortgage);
        await ContractPayments.BookAsync(db, contract, item, mortgage.Amount, PaymentChannel.Mortgage, $"{mortgage.Bank} 放款", at, ct);
        await db.SaveRefusingConflictsAsync($"the mortgage of contract {contract.ContractNo}", "mortgage", ct);
        return mortgage;
    }
}
