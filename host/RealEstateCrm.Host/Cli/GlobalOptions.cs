using System.CommandLine;
using Microsoft.Extensions.Configuration;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Host.Cli;

/// <summary>Options every command takes. The database comes from <c>--db</c>, else <c>CRM_DB</c>, else
/// appsettings.json's "Database", else the embedded SQLite file data/crm.db.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Database { get; } = new("--db")
    {
        Description = "Database as provider:connection, e.g. sqlite:data/crm.db or postgres:Host=127.0.0.1;Database=crm;Username=crm",
        Recursive = true,
    };

    public void AddTo(RootCommand root) => root.Add(Database);

    public DatabaseOptions ResolveDatabase(ParseResult parse)
    {
        var explicitValue = parse.GetValue(Database) ?? Environment.GetEnvironmentVariable("CRM_DB");
        if (!string.IsNullOrWhiteSpace(explicitValue)) return DatabaseOptions.Parse(explicitValue);
        var configured = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .Build()["Database"];
        return string.IsNullOrWhiteSpace(configured) ? DatabaseOptions.EmbeddedDefault : DatabaseOptions.Parse(configured);
    }
}
