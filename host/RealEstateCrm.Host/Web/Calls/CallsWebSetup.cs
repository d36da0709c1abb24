using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using RealEstateCrm.Host.Telephony;

namespace RealEstateCrm.Host.Web.Calls;

/// <summary>The call center's web side: the supervisors' policies and the services the call pages use.</summary>
public static class CallsWebSetup
{
    public static IServiceCollection AddCallsWeb(this IServiceCollection services)
    {
        services.AddScoped<CallSupervisors>();
        services.AddScoped<IAuthorizationHandler, CallSupervisors.Handler>();
        CallSupervisors.AddPolicies(services.AddAuthorizationBuilder());
        services.AddSingleton<OutboundCallsForBilling>();
        return services;
    }
}
