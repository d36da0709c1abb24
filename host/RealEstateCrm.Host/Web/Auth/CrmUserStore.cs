using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Auth;

/// <summary>ASP.NET Core Identity over the operational <c>app_user</c> table: the same users the CLI adds, with our
/// PBKDF2 hashes (<see cref="CrmPasswordHasher"/>). Users are created by the <c>AddUser</c> use case (roles, org
/// unit, policy), never through Identity, so this store only finds, signs in, counts failures and locks out.
/// Deactivated users are not found, so they can neither sign in nor keep a cookie past its next validation.</summary>
public sealed class CrmUserStore(CrmDbContext db) :
    IUserPasswordStore<User>, IUserLockoutStore<User>, IUserSecurityStampStore<User>
{
    public Task<string> GetUserIdAsync(User user, CancellationToken ct) => Task.FromResult(user.Id.ToString());
    public Task<string?> GetUserNameAsync(User user, CancellationToken ct) => Task.FromResult<string?>(user.UserName);
    public Task<string?> GetNormalizedUserNameAsync(User user, CancellationToken ct) => Task.FromResult<string?>(user.UserName);

    // User names are compared as stored (the unique index is case-sensitive): CrmLookupNormalizer only trims.
    public Task SetUserNameAsync(User user, string? userName, CancellationToken ct) => Task.CompletedTask;
    public Task SetNormalizedUserNameAsync(User user, string? normalizedName, CancellationToken ct) => Task.CompletedTask;

    public Task<IdentityResult> CreateAsync(User user, CancellationToken ct) =>
        throw new NotSupportedException("users are created with crm users add (the AddUser use case), which sets roles and org unit");

    public Task<IdentityResult> DeleteAsync(User user, CancellationToken ct) =>
        throw new NotSupportedException("users are deactivated, not deleted: their audit trail refers to them");

    public async Task<IdentityResult> UpdateAsync(User user, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    public async Task<User?> FindByIdAsync(string userId, CancellationToken ct) =>
        Guid.TryParse(userId, out var id) ? await db.Users.SingleOrDefaultAsync(u => u.Id == id && u.IsActive, ct) : null;

    public Task<User?> FindByNameAsync(string normalizedUserName, CancellationToken ct) =>
        db.Users.SingleOrDefaultAsync(u => u.UserName == normalizedUserName && u.IsActive, ct);

    public Task SetPasswordHashAsync(User user, string? passwordHash, CancellationToken ct)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(User user, CancellationToken ct) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(User user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(User user, CancellationToken ct) =>
        Task.FromResult(user.LockedOutUntil is { } until ? new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)) : (DateTimeOffset?)null);

    public Task SetLockoutEndDateAsync(User user, DateTimeOffset? lockoutEnd, CancellationToken ct)
    {
        user.LockedOutUntil = lockoutEnd?.UtcDateTime;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(User user, CancellationToken ct) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(User user, CancellationToken ct)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(User user, CancellationToken ct) => Task.FromResult(user.AccessFailedCount);

    // Every account may be locked out: an administrator's most of all.
    public Task<bool> GetLockoutEnabledAsync(User user, CancellationToken ct) => Task.FromResult(true);
    public Task SetLockoutEnabledAsync(User user, bool enabled, CancellationToken ct) => Task.CompletedTask;

    public Task SetSecurityStampAsync(User user, string stamp, CancellationToken ct)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    // Users added before sign-in existed have no stamp; an empty one still round-trips through the cookie.
    public Task<string?> GetSecurityStampAsync(User user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp ?? "");

    public void Dispose() { }
}
