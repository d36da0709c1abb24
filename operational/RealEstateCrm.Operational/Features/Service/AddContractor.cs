using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Registers a contractor (承建商).</summary>
[UseCase]
public sealed class AddContractor(CrmDbContext db)
{
    public sealed record Request(string Name, string? ContactPerson = null, string? Phone = null);

    public async Task<Contractor> Handle(Request request, CancellationToken ct = default)
    {
        var phone = ChinesePhone.Normalize(request.Phone);
        new Validator()
            .NotBlank(request.Name, "name")
            .Require(request.ContactPerson is null || request.ContactPerson.Length <= 100, "contact-person", "is longer than 100 characters")
            .Require(request.Phone is null || phone is not null, "phone", $"\"{request.Phone}\" is not a phone number")
            .Require(!await db.Contractors.AnyAsync(c => c.Name == request.Name.Trim(), ct), "name", $"\"{request.Name}\" is already registered")
            .ThrowIfInvalid();
        var contractor = new Contractor { Name = request.Name.Trim(), ContactPerson = request.ContactPerson, Phone = phone };
        db.Contractors.Add(contractor);
        await db.SaveChangesAsync(ct);
        return contractor;
    }
}
