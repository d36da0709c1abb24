using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Marketing;

namespace RealEstateCrm.Operational.Features.Marketing;

/// <summary>Registers a competing developer (竞争对手).</summary>
[UseCase]
public sealed class AddCompetitor(CrmDbContext db)
{
    public sealed record Request(string Name, string? Notes = null);

    public async Task<Competitor> Handle(Request request, CancellationToken ct = default)
    {
        new Validator()
            .NotBlank(request.Name, "name")
            .Require(request.Notes is null || request.Notes.Length <= 1000, "notes", "is longer than 1000 characters")
            .Require(!await db.Competitors.AnyAsync(c => c.Name == request.Name.Trim(), ct), "name", $"\"{request.Name}\" is already registered")
            .ThrowIfInvalid();
        var competitor = new Competitor { Name = request.Name.Trim(), Notes = request.Notes };
        db.Competitors.Add(competitor);
        await db.SaveChangesAsync(ct);
        return competitor;
    }
}
