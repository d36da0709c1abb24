using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Operational.Features.Organisation;

/// <summary>Creates a company (单位), or a branch of one when a parent company is given.</summary>
[UseCase]
public sealed class CreateCompany(CrmDbContext db)
{
    public sealed record Request(string Code, string Name, string? City = null, Guid? ParentCompanyId = null);

    public async Task<Company> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .NotBlank(request.Code, "code", 32)
            .NotBlank(request.Name, "name")
            .MaxLength(request.City, "city");
        validator.Require(!await db.Companies.AnyAsync(c => c.Code == request.Code, ct), "code", $"\"{request.Code}\" is taken");
        if (request.ParentCompanyId is { } parentId)
            validator.Require(await db.Companies.AnyAsync(c => c.Id == parentId, ct), "parent-company", $"no company with id {parentId}");
        validator.ThrowIfInvalid();

        var company = new Company { Code = request.Code, Name = request.Name, City = request.City, ParentCompanyId = request.ParentCompanyId };
        db.Companies.Add(company);
        await db.SaveChangesAsync(ct);
        return company;
    }
}
