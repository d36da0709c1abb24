using System.Security.Claims;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Auth;

public static class ClaimsPrincipalFunctions
{
    /// <summary>Whether the signed-in user's roles grant <paramref name="function"/> (or "*"): one walk over his claims, no set
    /// built, as the function policies ask once per request (pages ask <see cref="SignedInUser"/>, which keeps the set).</summary>
    public static bool MayUse(this ClaimsPrincipal user, string function) =>
        user.HasClaim(c => c.Type == CrmClaimsFactory.Function && Grants(c.Value, function));

    /// <summary>The functions the user's roles grant, from his sign-in claims.</summary>
    public static HashSet<string> GrantedFunctions(this ClaimsPrincipal user) =>
        user.FindAll(CrmClaimsFactory.Function).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="granted"/> functions allow <paramref name="function"/>: it or "*" among them.</summary>
    public static bool Allow(this IReadOnlySet<string> granted, string function) => granted.Contains(Functions.All) || granted.Contains(function);

    private static bool Grants(string granted, string function) => granted == Functions.All || granted == function;
}
