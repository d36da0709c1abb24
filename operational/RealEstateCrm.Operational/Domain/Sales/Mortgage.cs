using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Sales;

/// <summary>A mortgage application for a contract and where the bank stands on it.</summary>
public sealed class Mortgage : Entity
{
    public Guid ContractId { get; set; }
    public required string Bank { get; set; }
    public decimal Amount { get; set; }
    public int TermYears { get; set; }
    public MortgageStatus Status { get; set; } = MortgageStatus.Applied;
    public DateTime AppliedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime? DisbursedAt { get; set; }
    public string? RejectionReason { get; set; }

    public bool IsOpen => Status is MortgageStatus.Applied or MortgageStatus.Approved;

    /// <summary>The bank's answer to an application; only an application still waiting can be decided.</summary>
    public void Decide(bool approved, string? rejectionReason, DateTime at)
    {
        if (Status != MortgageStatus.Applied) throw new DomainException($"the mortgage is already {Status}", "mortgage");
        if (!approved && string.IsNullOrWhiteSpace(rejectionReason)) throw new DomainException("a rejection needs the bank's reason", "reason");
        Status = approved ? MortgageStatus.Approved : MortgageStatus.Rejected;
        RejectionReason = approved ? null : rejectionReason;
        DecidedAt = at;
    }

    public void MarkDisbursed(DateTime at)
    {
        if (Status != MortgageStatus.Approved) throw new DomainException($"only an approved mortgage can be disbursed; this one is {Status}", "mortgage");
        Status = MortgageStatus.Disbursed;
        DisbursedAt = at;
    }
}

public enum MortgageStatus { Applied, Approved, Rejected, Disbursed }
