using Microsoft.AspNetCore.Http;
using RealEstateCrm.Operational;

namespace RealEstateCrm.Host.Web.Auth;

/// <summary>The audit log's actor for changes made through the web: "web:" and the signed-in user's name.</summary>
public sealed class WebActor(IHttpContextAccessor http) : ICurrentActor
{
    public string Name => $"web:{http.HttpContext?.User.Identity?.Name ?? "anonymous"}";
}
