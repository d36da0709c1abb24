using System.CommandLine;

namespace RealEstateCrm.Host.Cli;

/// <summary>The <c>crm</c> command tree. Each command lives in its own file and gets the shared options.</summary>
public static class CrmCli
{
    public static RootCommand Build()
    {
        var options = new GlobalOptions();
        var root = new RootCommand("RealEstateCrm: CRM and call center for real-estate developers, on a DuckDB warehouse.");
        options.AddTo(root);
        root.Add(MigrateCommand.Create(options));
        root.Add(DemoCommand.Create(options));
        root.Add(SeedCommand.Create(options));
        root.Add(UsersCommand.Create(options));
        root.Add(CustomersCommand.Create(options));
        root.Add(ImportCommand.Create(options));
        root.Add(ExportCommand.Create(options));
        root.Add(BackupCommand.Create(options));
        root.Add(RestoreCommand.Create(options));
        root.Add(EtlCommand.Create(options));
        root.Add(WorkerCommand.Create(options));
        root.Add(ServeCommand.Create(options));
        root.Add(WarehouseCommand.Create());
        root.Add(OlapCommand.Create());
        root.Add(CallsCommand.Create(options));
        root.Add(MlCommand.Create(options));
        return root;
    }

    /// <summary>Parses and runs a command line. A command line the parser refuses (an unknown option, a value of the
    /// wrong type such as <c>--folds abc</c>) is bad input the user can fix, so it exits 2 like every other refusal;
    /// the parser prints which option and value it could not take.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken ct = default)
    {
        var parse = Build().Parse(args);
        var exitCode = await parse.InvokeAsync(cancellationToken: ct);
        return parse.Errors.Count > 0 ? 2 : exitCode;
    }
}
