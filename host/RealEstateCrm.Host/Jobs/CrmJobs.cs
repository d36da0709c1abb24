using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RealEstateCrm.Host.Ml;
using RealEstateCrm.Operational;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Features.Service;

namespace RealEstateCrm.Host.Jobs;

/// <summary>Hangfire for the CRM: the storage follows the operational database (PostgreSQL: shared by every
/// <c>crm worker</c>, schema <c>hangfire</c>; SQLite: in memory, one process) and the recurring jobs by id.</summary>
public static class CrmJobs
{
    public const string NightlyEtlId = "NightlyEtlJob";
    public const string EscalationId = nameof(EscalateOverdueWorkOrders);
    public const string DefaultNightlyEtlCron = "0 2 * * *";
    public const string EscalationCron = "*/5 * * * *";
    public const string RetrainingId = "WeeklyRetrainingJob";
    /// <summary>Sunday 03:00 Beijing time, after that night's ETL.</summary>
    public const string DefaultRetrainCron = "0 3 * * 0";
    public static readonly TimeZoneInfo ChinaStandardTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <param name="modelsPath">the model registry folder; default <c>Ml:ModelsPath</c>, then data/models</param>
    public static IServiceCollection AddCrmJobs(this IServiceCollection services, DatabaseOptions database, string warehousePath, IConfiguration configuration, string? modelsPath = null)
    {
        if (string.IsNullOrWhiteSpace(warehousePath)) throw new ArgumentException("--warehouse: give a file path");
        services.AddOperational(database);
        services.AddSingleton(new NightlyEtlSettings(warehousePath, configuration["Jobs:NightlyEtlCron"] ?? DefaultNightlyEtlCron));
        services.AddSingleton(new MlSettings(modelsPath ?? configuration["Ml:ModelsPath"] ?? RealEstateCrm.Ml.Registry.ModelRegistry.DefaultRoot, configuration["Jobs:RetrainCron"] ?? DefaultRetrainCron));
        services.AddChampionModels();
        services.AddTransient<NightlyEtlJob>();
        services.AddTransient<NightlyScoringJob>();
        services.AddTransient<WeeklyRetrainingJob>();
        // Registered before AddHangfire so Hangfire.NetCore takes this storage instead of the process-wide
        // JobStorage.Current: two hosts in one process (the tests) then keep their own storage. Resolving the
        // global configuration first points Hangfire's (static) logging at this provider before the storage logs.
        services.AddSingleton(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>();
            return Storage(database);
        });
        services.AddHangfire(config => config.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings());
        return services;
    }

    /// <summary>Adds or updates the recurring jobs; idempotent, so every worker calls it at start.</summary>
    public static void ScheduleCrmJobs(this IServiceProvider services)
    {
        var manager = services.GetRequiredService<IRecurringJobManager>();
        var settings = services.GetRequiredService<NightlyEtlSettings>();
        var options = new RecurringJobOptions { TimeZone = ChinaStandardTime };
        try
        {
            manager.AddOrUpdate<NightlyEtlJob>(NightlyEtlId, job => job.RunAsync(CancellationToken.None), settings.Cron, options);
        }
        catch (ArgumentException e) when (e.ParamName == "cronExpression")
        {
            throw new ArgumentException($"Jobs:NightlyEtlCron: \"{settings.Cron}\" is not a cron expression (minute hour day month weekday, e.g. 0 2 * * *)", e);
        }
        manager.AddOrUpdate<EscalateOverdueWorkOrders>(EscalationId, useCase => useCase.Handle(CancellationToken.None), EscalationCron, options);
        var ml = services.GetRequiredService<MlSettings>();
        try
        {
            manager.AddOrUpdate<WeeklyRetrainingJob>(RetrainingId, job => job.RunAsync(CancellationToken.None), ml.RetrainCron, options);
        }
        catch (ArgumentException e) when (e.ParamName == "cronExpression")
        {
            throw new ArgumentException($"Jobs:RetrainCron: \"{ml.RetrainCron}\" is not a cron expression (minute hour day month weekday, e.g. 0 3 * * 0)", e);
        }
    }

    private static JobStorage Storage(DatabaseOptions database) => database.Provider switch
    {
        DatabaseProvider.Postgres => new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, new PostgreSqlStorageOptions()),
            new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true }),
        DatabaseProvider.Sqlite => new InMemoryStorage(),
        _ => throw new ArgumentException($"--db: crm worker supports sqlite and postgres, not {database.Provider}"),
    };
}
