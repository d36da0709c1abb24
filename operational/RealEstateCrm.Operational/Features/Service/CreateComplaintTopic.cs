using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Opens a complaint topic (投诉专题): one underlying problem, such as 地下车库渗水, that many owners complain about.</summary>
[UseCase]
public sealed class CreateComplaintTopic(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(string Title, Guid? ProjectId = null, Guid? CategoryId = null, string? Summary = null);

    public async Task<ComplaintTopic> Handle(Request request, CancellationToken ct = default)
    {
        new Validator()
            .NotBlank(request.Title, "title")
            .Require(request.Summary is null || request.Summary.Length <= 2000, "summary", "is longer than 2000 characters")
            .Require(await db.Projects.ExistsOrAbsent(request.ProjectId, ct), "project", Lookups.NotFoundMessage<Project>(request.ProjectId))
            .Require(await db.ComplaintCategories.ExistsOrAbsent(request.CategoryId, ct), "category", Lookups.NotFoundMessage<ComplaintCategory>(request.CategoryId))
            .ThrowIfInvalid();
        var topic = new ComplaintTopic
        {
            Title = request.Title.Trim(),
            ProjectId = request.ProjectId,
            CategoryId = request.CategoryId,
            Summary = request.Summary,
            OpenedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ComplaintTopics.Add(topic);
        await db.SaveChangesAsync(ct);
        return topic;
    }
}
