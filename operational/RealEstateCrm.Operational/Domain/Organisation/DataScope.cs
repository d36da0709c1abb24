namespace RealEstateCrm.Operational.Domain.Organisation;

/// <summary>What data a user may see (数据权限): every project, or the projects owned by the org units in
/// the user's reach. Customers, leads, units, contracts and work orders are filtered through their project.</summary>
public sealed class DataScope
{
    public static readonly DataScope Everything = new(true, []);

    public DataScope(bool seesAll, IReadOnlyList<Guid> projectIds)
    {
        SeesAll = seesAll;
        ProjectIds = projectIds;
    }

    public bool SeesAll { get; }
    public IReadOnlyList<Guid> ProjectIds { get; }

    public bool Sees(Guid? projectId) => SeesAll || projectId is { } id && ProjectIds.Contains(id);
}
