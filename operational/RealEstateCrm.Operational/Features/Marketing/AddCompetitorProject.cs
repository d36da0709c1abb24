using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Marketing;

namespace RealEstateCrm.Operational.Features.Marketing;

/// <summary>Registers a competitor's development, placed near one of our projects so price gaps can be compared.</summary>
[UseCase]
public sealed class AddCompetitorProject(CrmDbContext db)
{
    public sealed record Request(Guid CompetitorId, string Name, string City, string? District = null, Guid? NearProjectId = null);

    public async Task<CompetitorProject> Handle(Request request, CancellationToken ct = default)
    {
        new Validator()
            .NotBlank(request.Name, "name")
            .NotBlank(request.City, "city", 50)
            .Require(request.District is null || request.District.Length <= 50, "district", "is longer than 50 characters")
            .Require(await db.Competitors.ExistsOrAbsent(request.CompetitorId, ct), "competitor", Lookups.NotFoundMessage<Competitor>(request.CompetitorId))
            .Require(await db.Projects.ExistsOrAbsent(request.NearProjectId, ct), "near-project", Lookups.NotFoundMessage<Project>(request.NearProjectId))
            .ThrowIfInvalid();
        var project = new CompetitorProject
        {
            CompetitorId = request.CompetitorId, Name = request.Name.Trim(), City = request.City.Trim(), District = request.District, NearProjectId = request.NearProjectId,
        };
        db.CompetitorProjects.Add(project);
        await db.SaveChangesAsync(ct);
        return project;
    }
}
