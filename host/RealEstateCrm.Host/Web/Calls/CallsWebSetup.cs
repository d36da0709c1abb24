using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RealEstateCrm.Host.Telephony;

namespace RealEstateCrm.Host.Web.Calls;

/// <summary>The call center's web side: the supervisors' policies, the services the call pages use, the dialer API and the pacing of progressive runs.</summary>
public static class CallsWebSetup
{
    public static IServiceCollection AddCallsWeb(this IServiceCollection services)
    {
        services.AddScoped<CallSupervisors>();
        services.AddScoped<IAuthorizationHandler, CallSupervisors.Handler>();
        CallSupervisors.AddPolicies(services.AddAuthorizationBuilder());
        services.AddSingleton<OutboundCallsForBilling>();
        services.AddSingleton(sp => new DialerDesks(sp.GetRequiredService<RealEstateCrm.Operational.Data.CrmDatabase>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<RealEstateCrm.Telephony.CallCenter.CallCenterSwitch>()));
        services.AddScoped<DialerRunBoard>();
        services.AddSingleton<DialerPops>();
        services.AddScoped<PreviewDialling>();
        services.AddHostedService<ProgressiveDialing>();
        return services;
    }

    public static WebApplication MapCallsWeb(this WebApplication app)
    {
        app.MapDialerApi();
        return app;
    }
}
