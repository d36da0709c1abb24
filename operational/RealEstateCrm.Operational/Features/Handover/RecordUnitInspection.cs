using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Handover;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Service;

namespace RealEstateCrm.Operational.Features.Handover;

/// <summary>Records how a unit's inspection went and the defects found (location, category, severity). A
/// second inspection of the same unit adds its issues to the first's: earlier defects stay on record.</summary>
[UseCase]
public sealed class RecordUnitInspection(CrmDbContext db, TimeProvider clock)
{
    public sealed record FoundIssue(string Location, string Description, Guid CategoryId, Severity Severity);

    public sealed record Request(Guid BatchId, Guid UnitId, InspectionResult Result, IReadOnlyList<FoundIssue> Issues);

    public async Task<InspectionUnit> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .Require(request.Result is InspectionResult.Accepted or InspectionResult.AcceptedWithIssues or InspectionResult.Refused, "result", "must be Accepted, AcceptedWithIssues or Refused")
            .Require(request.Result != InspectionResult.Accepted || request.Issues.Count == 0, "result", "is Accepted but issues were found; use AcceptedWithIssues")
            .Require(request.Result != InspectionResult.AcceptedWithIssues || request.Issues.Count > 0, "issues", "AcceptedWithIssues needs at least one issue");
        for (var i = 0; i < request.Issues.Count; i++)
        {
            validator.NotBlank(request.Issues[i].Location, $"issues[{i + 1}].location")
                .NotBlank(request.Issues[i].Description, $"issues[{i + 1}].description", 1000)
                .Require(Enum.IsDefined(request.Issues[i].Severity), $"issues[{i + 1}].severity", "must be Low, Normal, High or Critical");
        }
        validator.ThrowIfInvalid();
        var (batch, unit) = await InspectionUnits.Find(db, request.BatchId, request.UnitId, ct);
        if (unit.HandedOverAt is not null)
            throw new DomainException("the unit has been handed over already", "unit");
        for (var i = 0; i < request.Issues.Count; i++)
        {
            var field = $"issues[{i + 1}].category";
            await ComplaintLibrary.RequireLeaf(db, await db.ComplaintCategories.FindOrFail(request.Issues[i].CategoryId, field, ct), field, ct);
        }

        var at = clock.GetUtcNow().UtcDateTime;
        unit.InspectedAt = at;
        unit.Result = request.Result;
        foreach (var issue in request.Issues)
        {
            var recorded = new InspectionIssue
            {
                InspectionUnitId = unit.Id,
                Location = issue.Location.Trim(),
                Description = issue.Description.Trim(),
                CategoryId = issue.CategoryId,
                Severity = issue.Severity,
                FoundAt = at,
            };
            unit.Issues.Add(recorded);
            db.InspectionIssues.Add(recorded);
        }
        if (batch.Status == BatchStatus.Planned) batch.Status = BatchStatus.InProgress;
        await db.SaveChangesAsync(ct);
        return unit;
    }
}
