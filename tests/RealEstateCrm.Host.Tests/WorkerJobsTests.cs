using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using RealEstateCrm.Host.Jobs;
using RealEstateCrm.Host.Ml;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Testing;
using RealEstateCrm.Warehouse;
using static RealEstateCrm.Host.Tests.CliRun;

namespace RealEstateCrm.Host.Tests;

/// <summary>The Hangfire jobs behind <c>crm worker</c>, on real Hangfire storage (in memory and PostgreSQL).</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class WorkerJobsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("crm-worker-test-");

    public void Dispose() => _root.Delete(recursive: true);

    private string WarehousePath => Path.Join(_root.FullName, "warehouse.duckdb");

    private ServiceProvider Jobs(DatabaseOptions database, string? nightlyCron = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:NightlyEtlCron"] = nightlyCron }).Build();
        var services = new ServiceCollection().AddLogging().AddCrmJobs(database, WarehousePath, configuration).BuildServiceProvider();
        try
        {
            services.ScheduleCrmJobs();
            return services;
        }
        catch
        {
            services.Dispose();
            throw;
        }
    }

    private static Dictionary<string, RecurringJobDto> RecurringJobs(IServiceProvider services)
    {
        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().ToDictionary(j => j.Id);
    }

    [Fact]
    public async Task Scheduling_adds_the_nightly_etl_with_the_configured_cron_escalation_every_five_minutes_and_weekly_retraining_in_China_time()
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var services = Jobs(test.Database.Options, nightlyCron: "30 3 * * *");

        var jobs = RecurringJobs(services);

        Assert.IsType<Hangfire.InMemory.InMemoryStorage>(services.GetRequiredService<JobStorage>());
        Assert.Equal(["EscalateOverdueWorkOrders", "NightlyEtlJob", "WeeklyRetrainingJob"], jobs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("30 3 * * *", jobs["NightlyEtlJob"].Cron);
        Assert.Equal("0 3 * * 0", jobs["WeeklyRetrainingJob"].Cron);
        Assert.Equal("*/5 * * * *", jobs["EscalateOverdueWorkOrders"].Cron);
        Assert.All(jobs.Values, j => Assert.Equal("Asia/Shanghai", j.TimeZoneId));
        Assert.Equal(typeof(NightlyEtlJob), jobs["NightlyEtlJob"].Job.Type);
    }

    [Fact]
    public async Task Nightly_etl_defaults_to_two_in_the_morning()
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var services = Jobs(test.Database.Options);

        Assert.Equal("0 2 * * *", RecurringJobs(services)["NightlyEtlJob"].Cron);
    }

    [Fact]
    public async Task A_bad_nightly_cron_is_refused_naming_the_setting()
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);

        var error = Assert.Throws<ArgumentException>(() => Jobs(test.Database.Options, nightlyCron: "每天两点"));

        Assert.StartsWith("Jobs:NightlyEtlCron: \"每天两点\" is not a cron expression", error.Message);
    }

    [Fact]
    public async Task Triggered_nightly_etl_loads_the_warehouse_then_the_chained_scoring_job_writes_scores_and_call_lists()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await Crm(test, "seed", "--scale", "tiny")).ExitCode);
        using var host = WorkerHost.Build(test.Database.Options, WarehousePath, workers: 1, modelsPath: Path.Join(_root.FullName, "models"));
        await host.StartAsync(ct);

        var jobId = host.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(CrmJobs.NightlyEtlId);
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var etl = await FinalStateAsync(monitoring, () => jobId, ct);
        // The ETL enqueues the scoring job when it is done; the first scoring trains the models it lacks.
        var scoring = await FinalStateAsync(monitoring, () => ScoringJobId(monitoring), ct);
        await host.StopAsync(ct);

        Assert.Equal("Succeeded", etl);
        Assert.Equal("Succeeded", scoring);
        await using var warehouse = await WarehouseDatabase.OpenAsync(WarehousePath, ct: ct);
        Assert.NotEqual(0L, await warehouse.ScalarAsync("SELECT count(*) FROM fact_call", ct));
        Assert.Equal(1L, await warehouse.ScalarAsync("SELECT count(*) FROM etl_run", ct));
        Assert.NotEqual(0L, await warehouse.ScalarAsync("SELECT count(*) FROM ml_score WHERE model = 'lead-score'", ct));
        // The worker started with no models; the ones the scoring job trained are held, announced by the shared registry.
        var held = host.Services.GetRequiredService<ChampionModels>().Held.Single(h => h.Name == "lead-score");
        Assert.Equal(1, held.Version);
        Assert.Equal("lead-score v1", await warehouse.ScalarAsync("SELECT DISTINCT model_version FROM ml_score WHERE model = 'lead-score'", ct));
        await using var db = test.Context();
        Assert.True(await db.CallLists.CountAsync(l => l.Kind == Operational.Domain.Marketing.CallListKind.SalesLeads, ct) > 0);
    }

    private static string? ScoringJobId(IMonitoringApi monitoring) =>
        monitoring.EnqueuedJobs("default", 0, 10).Select(j => (j.Key, j.Value?.Job))
            .Concat(monitoring.ProcessingJobs(0, 10).Select(j => (j.Key, j.Value?.Job)))
            .Concat(monitoring.SucceededJobs(0, 10).Select(j => (j.Key, j.Value?.Job)))
            .Concat(monitoring.FailedJobs(0, 10).Select(j => (j.Key, j.Value?.Job)))
            .FirstOrDefault(j => j.Job?.Type == typeof(NightlyScoringJob)).Key;

    private static async Task<string?> FinalStateAsync(IMonitoringApi monitoring, Func<string?> jobId, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        string? state = null;
        while (state is not ("Succeeded" or "Failed") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, ct);
            state = jobId() is { } id ? monitoring.JobDetails(id)?.History.FirstOrDefault()?.StateName : null;
        }
        return state;
    }

    [Fact]
    public async Task On_postgres_the_recurring_jobs_are_stored_in_the_hangfire_schema()
    {
        var ct = TestContext.Current.CancellationToken;
        TestDatabase.PostgresServer();
        await using var test = await TestDatabase.Create(DatabaseProvider.Postgres);
        await using (var services = Jobs(test.Database.Options))
            Assert.Equal(["EscalateOverdueWorkOrders", "NightlyEtlJob", "WeeklyRetrainingJob"], RecurringJobs(services).Keys.Order(StringComparer.Ordinal));

        // A second worker's storage on the same database sees what the first stored.
        await using var other = new ServiceCollection().AddLogging()
            .AddCrmJobs(test.Database.Options, WarehousePath, new ConfigurationBuilder().Build()).BuildServiceProvider();
        Assert.IsType<Hangfire.PostgreSql.PostgreSqlStorage>(other.GetRequiredService<JobStorage>());
        Assert.Equal(3, RecurringJobs(other).Count);
        await using var connection = new NpgsqlConnection(test.Database.Options.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM hangfire.hash WHERE key IN ('recurring-job:NightlyEtlJob', 'recurring-job:EscalateOverdueWorkOrders') AND field = 'Cron'", connection);
        Assert.Equal(2L, await command.ExecuteScalarAsync(ct));
    }
}
