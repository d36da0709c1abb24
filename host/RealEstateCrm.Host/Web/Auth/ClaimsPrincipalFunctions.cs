using System.Security.Claims;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Auth;

public static class ClaimsPrincipalFunctions
{
    /// <summary>Whether the signed-in user's roles grant <paramref name="function"/> (or "*").</summary>
    public static bool MayUse(this ClaimsPrincipal user, string function) =>
        user.HasClaim(CrmClaimsFactory.Function, Functions.All) || user.HasClaim(CrmClaimsFactory.Function, function);
}
