using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Operational.Features.Organisation;

/// <summary>Creates a user who can sign in, with one or more roles, in an org unit.</summary>
[UseCase]
public sealed class AddUser(CrmDbContext db)
{
    public sealed record Request(string UserName, string DisplayName, string Password, IReadOnlyList<string> Roles, string? OrgUnitCode = null, bool IsSupervisor = false);

    public async Task<User> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .NotBlank(request.UserName, "user-name", 64)
            .NotBlank(request.DisplayName, "display-name", 100)
            .Require(request.Roles.Count > 0, "role", "at least one role is required");
        if (PasswordHasher.PolicyViolation(request.Password) is { } violation) validator.Require(false, "password", violation);
        foreach (var role in request.Roles)
            validator.Require(BuiltInRoles.All.ContainsKey(role) || await db.Roles.AnyAsync(r => r.Code == role, ct), "role",
                $"unknown role \"{role}\"; one of: {string.Join(", ", BuiltInRoles.All.Keys)}");
        validator.Require(!await db.Users.AnyAsync(u => u.UserName == request.UserName, ct), "user-name", $"\"{request.UserName}\" is taken");
        OrgUnit? unit = null;
        if (request.OrgUnitCode is not null)
        {
            unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Code == request.OrgUnitCode, ct);
            validator.Require(unit is not null, "org-unit", $"no org unit with code \"{request.OrgUnitCode}\"");
        }
        validator.ThrowIfInvalid();

        var roleIds = await EnsureRoles.Handle(db, request.Roles, ct);
        var user = new User
        {
            UserName = request.UserName,
            DisplayName = request.DisplayName,
            PasswordHash = PasswordHasher.Hash(request.Password),
            OrgUnitId = unit?.Id,
            IsSupervisor = request.IsSupervisor,
            CreatedAt = DateTime.UtcNow,
        };
        user.Roles.AddRange(roleIds.Select(id => new UserRole { UserId = user.Id, RoleId = id }));
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }
}
