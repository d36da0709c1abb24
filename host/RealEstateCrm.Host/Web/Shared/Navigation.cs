using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Shared;

/// <summary>The top menu: each entry shows only to users whose roles grant its function (null: everyone signed in).</summary>
public static class Navigation
{
    public sealed record Item(string Path, string Label, string? Function);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("/", "Workbench", null),
        new("/Agent/Desktop", "Agent desktop", Functions.Calls),
        new("/admin/jobs", "Jobs", Functions.All),
    ];
}
