using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Host.Web.Search;

public enum SearchKind { Customers, Units, WorkOrders }

/// <summary>The conditions of an advanced search (条件查询), bound from the query string so a search is a link that can be
/// bookmarked and shared. Every condition set narrows the result (AND); a blank one is ignored. Each kind reads the
/// conditions that apply to it.</summary>
public sealed class SearchCriteria
{
    public const int PageSize = 50;

    public SearchKind Kind { get; set; } = SearchKind.Customers;
    /// <summary>Customers: a name fragment, a code or a phone number; units: a room number fragment; work orders: a number
    /// or title fragment.</summary>
    public string? Text { get; set; }
    public string? City { get; set; }
    public Guid? ProjectId { get; set; }
    public CustomerSegment? Segment { get; set; }
    public IncomeBand? IncomeBand { get; set; }
    public UnitStatus? UnitStatus { get; set; }
    public decimal? MinPrice { get; set; }
    public decimal? MaxPrice { get; set; }
    public decimal? MinArea { get; set; }
    public decimal? MaxArea { get; set; }
    public WorkOrderStatus? Status { get; set; }
    public WorkOrderType? Type { get; set; }
    public Guid? CategoryId { get; set; }
    public DateOnly? OpenedFrom { get; set; }
    public DateOnly? OpenedTo { get; set; }
    /// <summary>Work orders still open past their due time.</summary>
    public bool Overdue { get; set; }
    public string? Sort { get; set; }
    public bool Descending { get; set; }
    public int Page { get; set; } = 1;

    public string? TrimmedText => string.IsNullOrWhiteSpace(Text) ? null : Text.Trim();
    public string? TrimmedCity => string.IsNullOrWhiteSpace(City) ? null : City.Trim();
}
