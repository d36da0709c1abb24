using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RealEstateCrm.Host.Jobs;
using RealEstateCrm.Host.Web.Api;
using RealEstateCrm.Host.Web.Calls;
using RealEstateCrm.Host.Web.Agent;
using RealEstateCrm.Host.Web.Auth;
using RealEstateCrm.Host.Web.Localization;
using RealEstateCrm.Host.Web.Sales;
using RealEstateCrm.Operational;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Telephony.CallCenter;
using RealEstateCrm.Host.Web.Shared;

namespace RealEstateCrm.Host.Web;

/// <param name="CallCenter">the running switch, when this process serves SIP: the agent desktop drives its seats and shows its screen pops</param>
/// <param name="Workers">Hangfire workers in this process; 0 runs no jobs here (the dashboard still shows the storage)</param>
public sealed record CrmWebOptions(DatabaseOptions Database, string WarehousePath, WebSettings Web, string? ModelsPath = null,
    int Workers = 2, CallCenterSwitch? CallCenter = null);

/// <summary>The web host of <c>crm serve</c>: Razor Pages under <c>Web/</c>, sign-in with ASP.NET Core Identity over the
/// operational users, a policy per function, zh-CN and English, SignalR hubs and the Hangfire dashboard for
/// administrators. Everything needs a signed-in user with a role unless it says otherwise (the sign-in page, static files).</summary>
public static class CrmWebApp
{
    public const string JobsDashboard = "/admin/jobs";

    /// <summary>The pages' HTML encoder: Chinese names and words go out as UTF-8 text, not as &amp;#x...; entities (the page
    /// is UTF-8 throughout). Razor gets it from DI; HTML written in code (<c>SlaClock.Badge</c>) takes it from here.</summary>
    public static readonly HtmlEncoder PageEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static WebApplication Build(CrmWebOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The pages are compiled into crm.dll; naming it finds them when another program (a test) hosts the app.
            ApplicationName = typeof(CrmWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.Web.Address, options.Web.Port));
        var services = builder.Services;

        services.AddCrmJobs(options.Database, options.WarehousePath, builder.Configuration, options.ModelsPath);
        if (options.Workers > 0) services.AddHangfireServer(server => server.WorkerCount = options.Workers);
        if (options.CallCenter is not null) services.AddSingleton(options.CallCenter);

        services.AddDataProtection().SetApplicationName("RealEstateCrm").PersistKeysToFileSystem(new DirectoryInfo(options.Web.KeysFolder));
        services.AddSingleton(PageEncoder);
        services.AddHttpContextAccessor();
        services.AddScoped<SignedInUser>();
        services.AddScoped<ICurrentActor, WebActor>();
        services.AddSingleton<Text>();
        services.AddScoped<DataVersion>();
        services.AddSingleton(typeof(KeptWhileUnchanged<,>));
        services.AddScoped<ProjectDemand>();
        services.AddScoped<ReferenceLists>();
        services.AddScoped<MenuItems>();
        services.AddSingleton(sp => new BusinessTime(BusinessTime.FindZone(options.Web.TimeZone), sp.GetRequiredService<TimeProvider>()));
        AddSignIn(services);
        services.AddAuthorizationBuilder().AddFunctionPolicies();
        services.AddRazorPages(razor => razor.RootDirectory = "/Web");
        services.AddSignalR();
        services.AddCallsWeb();
        services.AddAgentDesk();

        var app = builder.Build();
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.Use(SecurityHeaders);
        app.UseStaticFiles();
        app.UseRequestLocalization(new RequestLocalizationOptions()
            .SetDefaultCulture(Text.Cultures[0]).AddSupportedCultures(Text.Cultures).AddSupportedUICultures(Text.Cultures));
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOneConnectionPerPage();
        app.MapRazorPages();
        app.MapOlapApi(options.WarehousePath);
        app.MapCallsWeb();
        app.MapAgentDesk();
        app.MapGet("/language/{culture}", ChooseLanguage).AllowAnonymous();
        app.MapHangfireDashboard(JobsDashboard, new DashboardOptions { Authorization = [], AppPath = "/", DashboardTitle = "RealEstateCrm jobs" })
            .RequireAuthorization(Functions.All);
        return app;
    }

    /// <summary>The address Kestrel really listens on (port 0 in tests picks a free one).</summary>
    public static Uri BaseAddress(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static void AddSignIn(IServiceCollection services)
    {
        services.AddIdentityCore<User>(identity =>
            {
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // The policy itself is CrmPasswordValidator (the CLI's); Identity's built-in rules are relaxed to it.
                identity.Password = new PasswordOptions { RequiredLength = 10, RequireDigit = true, RequireLowercase = false, RequireUppercase = false, RequireNonAlphanumeric = false, RequiredUniqueChars = 1 };
            })
            .AddUserStore<CrmUserStore>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<CrmClaimsFactory>()
            .AddPasswordValidator<CrmPasswordValidator>();
        services.AddSingleton<IPasswordHasher<User>, CrmPasswordHasher>();
        services.AddSingleton<ILookupNormalizer, CrmLookupNormalizer>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "crm.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/Account/SignIn";
            cookie.AccessDeniedPath = "/Account/Denied";
            // A working shift; the cookie slides while the user works.
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
            // Scripts and API clients get a status code, not the sign-in page's HTML.
            cookie.Events.OnRedirectToLogin = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });
    }

    private static Task Answer(HttpContext context, string redirect, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
            context.Response.StatusCode = status;
        else context.Response.Redirect(redirect);
        return Task.CompletedTask;
    }

    private static IResult ChooseLanguage(string culture, string? returnUrl, HttpContext context)
    {
        if (!Text.Cultures.Contains(culture)) return Results.BadRequest($"culture: \"{culture}\" is not one of {string.Join(", ", Text.Cultures)}");
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/");
    }

    /// <summary>Scripts only from our own files (no inline script can run if a customer's name smuggles one in); the
    /// Hangfire dashboard ships inline scripts of its own and is for administrators only.</summary>
    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        if (!context.Request.Path.StartsWithSegments(JobsDashboard))
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'";
        return next(context);
    }
}
