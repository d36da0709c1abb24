using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Sales;

namespace RealEstateCrm.Operational.Features.Sales;

/// <summary>Records the bank's answer to a mortgage application: approved, or rejected with the bank's reason.</summary>
[UseCase]
public sealed class DecideMortgage(CrmDbContext db)
{
    public sealed record Request(Guid MortgageId, bool Approved, string? RejectionReason = null, DateTime? At = null);

    public async Task<Mortgage> Handle(Request request, CancellationToken ct = default)
    {
        new Validator()
            .Require(request.Approved || !string.IsNullOrWhiteSpace(request.RejectionReason), "reason", "a rejection needs the bank's reason")
            .MaxLength(request.RejectionReason, "reason")
            .ThrowIfInvalid();
        var mortgage = await db.Mortgages.FindOrFail(request.MortgageId, "mortgage", ct);
        mortgage.Decide(request.Approved, request.RejectionReason, request.At ?? DateTime.UtcNow);
        await db.SaveRefusingConflictsAsync("the mortgage", "mortgage", ct);
        return mortgage;
    }
}
