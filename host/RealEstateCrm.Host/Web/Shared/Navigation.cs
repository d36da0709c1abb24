using RealEstateCrm.Host.Web.Calls;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Shared;

/// <summary>The top menu: each entry shows only to users whose roles grant its function (null: everyone signed in) and,
/// where the page's policy asks more than a function (a supervisor, say), who also pass that policy.</summary>
public static class Navigation
{
    public sealed record Item(string Path, string Label, string? Function, string? Policy = null);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("/", "Workbench", null),
        new("/Agent/Desktop", "Agent desktop", Functions.Calls),
        new("/Sales/CallList", "Call list", Functions.CallLists),
        new("/Sales/Leads", "Leads", Functions.SalesRead),
        new("/Sales/Chart", "Sales-control chart", Functions.SalesRead),
        new("/Sales/Duplicates", "Duplicates", Functions.CustomersWrite),
        new("/Service/Board", "Work orders", Functions.ServiceRead),
        new("/Service/Topics", "Complaint topics", Functions.ServiceRead),
        new("/Service/Handover", "Handover", Functions.ServiceRead),
        new("/Service/Contractors", "Contractors", Functions.ServiceRead),
        new("/Service/ReturnVisits", "Return visits", Functions.ServiceRead),
        new("/Calls/Live", "Live calls", Functions.Calls, CallSupervisors.LiveCallWatchers),
        new("/Calls/Dialer", "Progressive dialling", null, CallSupervisors.DialerRunners),
        new("/Calls/Bills", "Call bill", null, CallSupervisors.BillReaders),
        new("/Ml/Models", "Models", Functions.Reports),
        new("/Search", "Advanced search", null),
        new("/admin/jobs", "Jobs", Functions.All),
    ];
}
