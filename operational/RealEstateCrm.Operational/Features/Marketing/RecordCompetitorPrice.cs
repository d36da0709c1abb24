using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Marketing;

namespace RealEstateCrm.Operational.Features.Marketing;

/// <summary>Records the price per m² seen at a competitor's project on a date. One observation per project
/// per date (a unique index backs it), so a price trend never double-counts a day.</summary>
[UseCase]
public sealed class RecordCompetitorPrice(CrmDbContext db)
{
    public sealed record Request(Guid CompetitorProjectId, DateOnly ObservedOn, decimal PricePerSqm, string? Source = null);

    public async Task<CompetitorPriceObservation> Handle(Request request, CancellationToken ct = default)
    {
        new Validator()
            .Require(request.PricePerSqm is > 0 and <= 10_000_000m, "price-per-sqm", "must be more than 0 and at most 10,000,000 yuan")
            .Require(request.Source is null || request.Source.Length <= 200, "source", "is longer than 200 characters")
            .ThrowIfInvalid();
        var project = await db.CompetitorProjects.FindOrFail(request.CompetitorProjectId, "competitor-project", ct);
        if (await db.CompetitorPriceObservations.AnyAsync(o => o.CompetitorProjectId == project.Id && o.ObservedOn == request.ObservedOn, ct))
            throw new DomainException($"a price for {project.Name} on {request.ObservedOn:yyyy-MM-dd} is already recorded", "observed-on");
        var observation = new CompetitorPriceObservation
        {
            CompetitorProjectId = project.Id, ObservedOn = request.ObservedOn, PricePerSqm = request.PricePerSqm, Source = request.Source,
        };
        db.CompetitorPriceObservations.Add(observation);
        await db.SaveChangesAsync(ct);
        return observation;
    }
}
