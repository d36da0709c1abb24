using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Domain.Sales;

/// <summary>A sale contract (合同) and how it is paid.</summary>
public sealed class Contract : Entity
{
    public required string ContractNo { get; set; }
    public Guid? ReservationId { get; set; }
    public Guid UnitId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? RepUserId { get; set; }
    public DateTime SignedAt { get; set; }
    public decimal ListPrice { get; set; }
    public decimal DiscountAmount { get; set; }
    public decimal FinalPrice { get; set; }
    public decimal Area { get; set; }
    public PaymentMethod PaymentMethod { get; set; }
    public ContractStatus Status { get; set; } = ContractStatus.Active;
    public List<PaymentScheduleItem> Schedule { get; set; } = [];

    /// <summary>Books money against one schedule item; no item may be overpaid. Returns true when this
    /// payment settled the whole schedule, which makes the contract paid. Needs <see cref="Schedule"/> loaded.</summary>
    public bool Pay(PaymentScheduleItem item, decimal amount, DateTime at)
    {
        if (Status != ContractStatus.Active) throw new DomainException($"contract {ContractNo} is {Status} and takes no payments", "contract");
        if (!Schedule.Contains(item)) throw new DomainException($"schedule item {item.Seq} is not part of contract {ContractNo}", "schedule-item");
        if (amount <= 0) throw new DomainException("the amount must be positive", "amount");
        var outstanding = item.Amount - item.PaidAmount;
        if (amount > outstanding)
            throw new DomainException($"{amount:0.00} exceeds the {outstanding:0.00} still due on schedule item {item.Seq} of contract {ContractNo}", "amount");
        item.PaidAmount += amount;
        if (item.PaidAmount == item.Amount) item.PaidAt = at;
        if (Schedule.Any(i => i.PaidAmount < i.Amount)) return false;
        Status = ContractStatus.Paid;
        return true;
    }
}

public enum PaymentMethod { FullPayment, Instalments, Mortgage }
public enum ContractStatus { Active, Paid, HandedOver, Cancelled }
