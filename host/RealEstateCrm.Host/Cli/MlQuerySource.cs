using System.CommandLine;
using DuckDB.NET.Data;
using RealEstateCrm.Ml.Data;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Host.Cli;

/// <summary>Where <c>crm ml</c> runs its <c>--sql</c>: the warehouse file, so queries see its tables, or an in-memory
/// DuckDB when no warehouse exists yet (a query over <c>read_csv_auto(...)</c> needs none). Also turns the library's
/// <see cref="MlInputException"/> into a message naming the option.</summary>
internal sealed class MlQuerySource : IAsyncDisposable
{
    private readonly WarehouseDatabase? warehouse;
    private readonly DuckDBConnection? memory;

    private MlQuerySource(WarehouseDatabase? warehouse, DuckDBConnection? memory)
    {
        this.warehouse = warehouse;
        this.memory = memory;
    }

    public DuckDBConnection Connection => warehouse?.Connection ?? memory!;

    public static Option<string?> WarehouseOption() => new("--warehouse")
    {
        Description = $"The DuckDB warehouse the query runs in (default {WarehouseDatabase.DefaultPath} if it exists, else an empty in-memory DuckDB)",
    };

    public static Option<string> SqlOption() => new("--sql")
    {
        Description = "A DuckDB query, e.g. \"SELECT * FROM read_csv_auto('data.csv')\" or over the warehouse's tables", Required = true,
    };

    public static async Task<MlQuerySource> OpenAsync(string? path)
    {
        if (path is not null && !File.Exists(path)) throw new FileNotFoundException($"--warehouse: {path} does not exist");
        path ??= File.Exists(WarehouseDatabase.DefaultPath) ? WarehouseDatabase.DefaultPath : null;
        if (path is not null) return new MlQuerySource(await WarehouseLoad.OpenAsync(path), null);
        var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        return new MlQuerySource(null, connection);
    }

    /// <summary>Runs <paramref name="body"/>; a refusal by the ML library names the option (<c>--label: ...</c>).</summary>
    public static async Task<T> NamingOption<T>(Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch (MlInputException e)
        {
            throw new ArgumentException(e.Field == "schema" ? e.Message : $"--{e.Field}: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (warehouse is not null) await warehouse.DisposeAsync();
        if (memory is not null) await memory.DisposeAsync();
    }
}
