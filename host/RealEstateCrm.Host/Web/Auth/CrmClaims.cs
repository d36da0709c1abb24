using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Host.Web.Auth;

/// <summary>The sign-in cookie carries the user's roles and functions (功能权限), so authorising a page costs no query.
/// They are re-read whenever Identity re-validates the cookie against the security stamp.</summary>
public sealed class CrmClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options, CrmDbContext db)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    public const string Function = "crm:function", DisplayName = "crm:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        var roles = await (from self in db.Users
                           where self.Id == user.Id
                           from userRole in self.Roles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select role.Code).ToListAsync();
        foreach (var role in roles) identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, role));
        foreach (var function in await UserFunctions.OfAsync(db, user.Id, CancellationToken.None))
            identity.AddClaim(new Claim(Function, function));
        return identity;
    }
}
