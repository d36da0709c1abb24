using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Bench;

/// <summary>The pages <c>bench -- web</c> loads: a name for the report, the path and the function a user needs for it
/// (a client loads only the pages its role may open). <c>{customer}</c> in a path takes a customer in the client's data
/// scope. A page that answers anything but 200 (a 404 included) counts as an error: add pages here as they land.</summary>
internal static class WebBenchPages
{
    public sealed record Page(string Name, string Path, string? Function);

    public static readonly IReadOnlyList<Page> All =
    [
        new("workbench", "/", null),
        new("search customers", "/Search?Kind=Customers&Segment=Investor&IncomeBand=High", Functions.CustomersRead),
        new("search units", "/Search?Kind=Units&UnitStatus=Available&MinArea=90&Sort=price", Functions.SalesRead),
        new("search work orders", "/Search?Kind=WorkOrders&Overdue=true", Functions.ServiceRead),
        new("customer 360", "/Customers/Details/{customer}", Functions.CustomersRead),
        new("call list", "/Sales/CallList", Functions.CallLists),
        new("sales chart", "/Sales/Chart", Functions.SalesRead),
        new("work-order board", "/Service/Board", Functions.ServiceRead),
    ];
}
