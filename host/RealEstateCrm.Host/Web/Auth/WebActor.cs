using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RealEstateCrm.Operational;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Host.Web.Auth;

/// <summary>The audit log's actor for changes made through the web: "web:" and the signed-in user's name.</summary>
public sealed class WebActor(IHttpContextAccessor http) : ICurrentActor
{
    public string Name => $"web:{http.HttpContext?.User.Identity?.Name ?? "anonymous"}";
}

public static class WebActorMiddleware
{
    /// <summary>Names the signed-in user as the actor of the request's <see cref="CrmDbContext"/>. The context can be
    /// created before authentication ran, while the user is still anonymous: the cookie handler builds Identity's
    /// security stamp validator, whose sign-in manager and user store take the context.</summary>
    public static IApplicationBuilder UseWebActor(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.RequestServices.GetRequiredService<CrmDbContext>().Actor = context.RequestServices.GetRequiredService<ICurrentActor>().Name;
        return next(context);
    });
}
