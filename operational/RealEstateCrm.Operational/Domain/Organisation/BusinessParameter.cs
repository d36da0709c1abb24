namespace RealEstateCrm.Operational.Domain.Organisation;

/// <summary>A tunable business rule (业务参数), such as how long a reservation holds a unit.</summary>
public sealed class BusinessParameter
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public string? Description { get; set; }
}

public static class BusinessParameterKeys
{
    public const string MaxDiscountWithoutApproval = "sales.max-discount-without-approval";
    public const string ReservationHoldDays = "sales.reservation-hold-days";
    public const string MaxCallsPerCustomerPerWeek = "marketing.max-calls-per-customer-per-week";
    public const string EscalateAfterSlaFraction = "service.escalate-after-sla-fraction";
    /// <summary>Followed by a role code: the cards that role's workbench shows, in order (comma-separated codes).</summary>
    public const string WorkbenchCardsPrefix = "workbench.cards.";
}
