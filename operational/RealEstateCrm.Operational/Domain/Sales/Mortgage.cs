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
}

public enum MortgageStatus { Applied, Approved, Rejected, Disbursed }
