using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Host.Jobs;

/// <summary>The generic host behind <c>crm worker</c>: a Hangfire server with the CRM jobs, configuration from
/// appsettings.json next to the binary and CRM_-less environment variables (e.g. <c>Jobs__NightlyEtlCron</c>).</summary>
public static class WorkerHost
{
    public static IHost Build(DatabaseOptions database, string warehousePath, int workers, string? modelsPath = null)
    {
        if (workers < 1) throw new ArgumentException("--workers: give at least 1");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddCrmJobs(database, warehousePath, builder.Configuration, modelsPath);
        builder.Services.AddHangfireServer(options => options.WorkerCount = workers);
        var host = builder.Build();
        host.Services.ScheduleCrmJobs();
        return host;
    }
}
