using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RealEstateCrm.Operational;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Host.Web.Auth;

/// <summary>The audit log's actor for changes made through the web: "web:" and the signed-in user's name.</summary>
public sealed class WebActor(IHttpContextAccessor http) : ICurrentActor
{
    public string Name => $"web:{http.HttpContext?.User.Identity?.Name ?? "anonymous"}";

    /// <summary>Names the actor on the request's <see cref="CrmDbContext"/> once the user is known. The cookie's
    /// security-stamp check opens that (scoped) context while authenticating, before the user is set, which would
    /// otherwise leave every change of the request audited as "web:anonymous".</summary>
    public static Task NameTheActor(HttpContext context, RequestDelegate next)
    {
        if (context.User.Identity?.IsAuthenticated == true)
            context.RequestServices.GetRequiredService<CrmDbContext>().Actor = $"web:{context.User.Identity.Name}";
        return next(context);
    }
}
