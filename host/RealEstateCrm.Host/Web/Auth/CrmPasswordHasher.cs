using Microsoft.AspNetCore.Identity;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Auth;

/// <summary>Identity's hashing through the operational <see cref="PasswordHasher"/>, so a password set by
/// <c>crm users add</c> signs in on the web and the stored format stays one.</summary>
public sealed class CrmPasswordHasher : IPasswordHasher<User>
{
    public string HashPassword(User user, string password) => PasswordHasher.Hash(password);

    public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword) =>
        PasswordHasher.Verify(providedPassword, hashedPassword) ? PasswordVerificationResult.Success : PasswordVerificationResult.Failed;
}

/// <summary>The one password policy (<see cref="PasswordHasher.PolicyViolation"/>) for the web as for the CLI.</summary>
public sealed class CrmPasswordValidator : IPasswordValidator<User>
{
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password) =>
        Task.FromResult(PasswordHasher.PolicyViolation(password) is { } violation
            ? IdentityResult.Failed(new IdentityError { Code = "password", Description = $"password {violation}" })
            : IdentityResult.Success);
}

/// <summary>User names are matched as stored; only surrounding spaces are dropped.</summary>
public sealed class CrmLookupNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => name?.Trim();
    public string? NormalizeEmail(string? email) => email?.Trim();
}
