namespace RealEstateCrm.Operational.Data;

/// <summary>Which database and where. Given on the command line (<c>--db</c>), in <c>CRM_DB</c>, or under
/// <c>Database</c> in appsettings, as "provider:connection string", e.g. <c>sqlite:data/crm.db</c> or
/// <c>postgres:Host=127.0.0.1;Port=5433;Database=crm;Username=crm</c>. A bare path means SQLite.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public static readonly DatabaseOptions EmbeddedDefault = new(DatabaseProvider.Sqlite, "Data Source=data/crm.db");

    public static DatabaseOptions Parse(string value)
    {
        var colon = value.IndexOf(':');
        var prefix = colon > 0 ? value[..colon].ToLowerInvariant() : "";
        var rest = colon > 0 ? value[(colon + 1)..] : value;
        return prefix switch
        {
            "sqlite" => new(DatabaseProvider.Sqlite, SqliteConnectionString(rest)),
            "postgres" or "postgresql" or "npgsql" => new(DatabaseProvider.Postgres, rest),
            "sqlserver" or "mssql" => new(DatabaseProvider.SqlServer, rest),
            _ when value.Contains('=') => throw new ArgumentException(
                $"--db: cannot tell the provider of \"{value}\"; prefix it with sqlite:, postgres: or sqlserver:"),
            _ => new(DatabaseProvider.Sqlite, SqliteConnectionString(value)),
        };
    }

    private static string SqliteConnectionString(string pathOrConnection) =>
        pathOrConnection.Contains('=') ? pathOrConnection : $"Data Source={pathOrConnection}";

    /// <summary>The connection string with any password hidden, for messages.</summary>
    public override string ToString() =>
        $"{Provider.ToString().ToLowerInvariant()}:{System.Text.RegularExpressions.Regex.Replace(ConnectionString, "(?i)(password|pwd)=[^;]*", "$1=***")}";
}
