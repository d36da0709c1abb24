using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Auth;

/// <summary>One authorization policy per function code: <c>[Authorize(Policy = Functions.Calls)]</c>. The
/// administrator's "*" satisfies every one. Pages and endpoints without a policy still need a signed-in user
/// with at least one role (the fallback policy).</summary>
public static class FunctionPolicies
{
    /// <summary>Every function code <see cref="Functions"/> declares, so a new function gets its policy without a list to keep.</summary>
    private static readonly string[] All = typeof(Functions).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    public static AuthorizationBuilder AddFunctionPolicies(this AuthorizationBuilder builder)
    {
        foreach (var function in All)
            builder.AddPolicy(function, policy => policy.RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.MayUse(function)));
        builder.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasClaim(c => c.Type == ClaimTypes.Role)).Build());
        return builder;
    }
}
