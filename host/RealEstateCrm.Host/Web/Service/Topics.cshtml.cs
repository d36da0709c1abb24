using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Operational.Features.Service;

namespace RealEstateCrm.Host.Web.Service;

/// <summary>Complaint topics (投诉专题) of the user's projects, open ones first, with how many of the user's visible
/// orders each holds; and opening a new topic (CreateComplaintTopic).</summary>
[Authorize(Policy = Functions.ServiceRead)]
public sealed class TopicsModel(CrmDbContext db, SignedInUser me) : ServicePage
{
    public sealed record TopicRow(Guid Id, string Title, string? Project, string? Category, DateTime OpenedAt, DateTime? ClosedAt, int Orders);

    public IReadOnlyList<TopicRow> Topics { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Projects { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? title, Guid? project, Guid? category, string? summary, [FromServices] CreateComplaintTopic create, CancellationToken ct)
    {
        if (!me.MayUse(Functions.ServiceWrite)) return Forbid();
        var scope = await me.ScopeAsync(ct);
        Guid topic = default;
        if (await RunAsync("create", async () =>
            {
                if (project is { } id && !scope.SeesAll && !scope.ProjectIds.Contains(id))
                    throw new ValidationException([new ValidationError("project", "choose one of your projects")]);
                topic = (await create.Handle(new CreateComplaintTopic.Request(title ?? "", project, category, string.IsNullOrWhiteSpace(summary) ? null : summary.Trim()), ct)).Id;
            }))
            return RedirectToPage("/Service/Topic", new { id = topic });
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await me.ScopeAsync(ct);
        var orders = db.VisibleWorkOrders(scope);
        Topics = await (
            from t in db.ComplaintTopics.AsNoTracking()
            where t.ProjectId == null || scope.SeesAll || scope.ProjectIds.Contains(t.ProjectId.Value)
            join p in db.Projects on t.ProjectId equals p.Id into projects
            from p in projects.DefaultIfEmpty()
            join c in db.ComplaintCategories on t.CategoryId equals c.Id into categories
            from c in categories.DefaultIfEmpty()
            orderby t.ClosedAt == null descending, t.OpenedAt descending
            select new TopicRow(t.Id, t.Title, p.Name, c.Name, t.OpenedAt, t.ClosedAt, orders.Count(w => w.ComplaintTopicId == t.Id))).Take(200).ToListAsync(ct);
        Projects = (await db.Projects.AsNoTracking().Where(p => scope.SeesAll || scope.ProjectIds.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();
        Categories = (await db.ComplaintCategories.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Id, Name = c.Code + " " + c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name)).ToList();
    }
}
