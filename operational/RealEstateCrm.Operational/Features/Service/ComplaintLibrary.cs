using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

internal static class ComplaintLibrary
{
    /// <summary>Work orders, scopes and inspection issues take leaf categories only: a parent such as 渗漏
    /// has no single department or SLA, its children (卫生间渗水, 外墙渗水) do.</summary>
    public static async Task RequireLeaf(CrmDbContext db, ComplaintCategory category, string field, CancellationToken ct)
    {
        if (await db.ComplaintCategories.AnyAsync(c => c.ParentId == category.Id, ct))
            throw new DomainException($"category {category.Code} ({category.Name}) has sub-categories; pick one of them", field);
    }
}
