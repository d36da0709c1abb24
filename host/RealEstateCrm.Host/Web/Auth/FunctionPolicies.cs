using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Host.Web.Auth;

/// <summary>One authorization policy per function code: <c>[Authorize(Policy = Functions.Calls)]</c>. The
/// administrator's "*" satisfies every one. Pages and endpoints without a policy still need a signed-in user
/// with at least one role (the fallback policy).</summary>
public static class FunctionPolicies
{
    public static readonly string[] All =
    [
        Functions.CustomersRead, Functions.CustomersWrite, Functions.CustomersSeePhone, Functions.CustomersSeeIdNumber,
        Functions.SalesRead, Functions.SalesWrite, Functions.ApproveDiscount, Functions.CallLists, Functions.CampaignsWrite,
        Functions.ServiceRead, Functions.ServiceWrite, Functions.Handover, Functions.Calls, Functions.Olap, Functions.Reports,
        Functions.All,
    ];

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
