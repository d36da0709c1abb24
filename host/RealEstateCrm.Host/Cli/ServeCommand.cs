using System.CommandLine;
using Microsoft.Extensions.Configuration;
using RealEstateCrm.Host.Jobs;
using RealEstateCrm.Host.Telephony;
using RealEstateCrm.Host.Web;
using RealEstateCrm.Operational.Data;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm serve [--sip-port N] [--web-port N]</c>: migrates, then runs the web UI, the SIP call center and the Hangfire server until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Option<int?> SipPortOption() => new("--sip-port") { Description = "UDP port for SIP on Telephony:Address (default Telephony:SipPort, else 5060; 0 picks a free one)" };

    public static Option<int?> WebPortOption() => new("--web-port") { Description = "TCP port for the web UI on Web:Address (default Web:Port, else 5080; 0 picks a free one)" };

    public static Command Create(GlobalOptions options)
    {
        var sipPort = SipPortOption();
        var webPort = WebPortOption();
        var warehouse = WarehouseLoad.PathOption();
        var command = new Command("serve", "Run the web UI (http://127.0.0.1:5080), the call center (SIP on UDP 127.0.0.1:5060: IVR, queues, agents' phones registering with us) and the scheduled jobs until Ctrl+C.")
        {
            sipPort, webPort, warehouse,
        };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var databaseOptions = options.ResolveDatabase(parse);
            await new CrmDatabase(databaseOptions).MigrateAsync(ct);
            AnsiConsole.MarkupLineInterpolated($"[green]migrated[/] {databaseOptions}");
            await RunAsync(databaseOptions, parse.GetValue(warehouse)!, parse.GetValue(sipPort), parse.GetValue(webPort), showAgents: false, ct);
            return 0;
        }));
        return command;
    }

    /// <summary>Serves until <paramref name="stop"/> (Ctrl+C); with <paramref name="showAgents"/> prints every agent's SIP login.</summary>
    public static async Task RunAsync(DatabaseOptions databaseOptions, string warehousePath, int? sipPort, int? webPort, bool showAgents, CancellationToken stop)
    {
        var configuration = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
        var settings = TelephonySettings.Read(configuration, sipPort);
        var webSettings = WebSettings.Read(configuration, webPort);
        var database = new CrmDatabase(databaseOptions);
        await using (var center = await CallCenterServer.StartAsync(database, settings, stop))
        {
            await using var web = CrmWebApp.Build(new CrmWebOptions(databaseOptions, warehousePath, webSettings, CallCenter: center));
            web.Services.ScheduleCrmJobs();
            await web.StartAsync(stop);
            AnsiConsole.MarkupLineInterpolated($"[green]web[/] {web.BaseAddress()} — sign in with a demo account or one made by crm users add");
            var sip = center.SipEndPoint;
            AnsiConsole.MarkupLineInterpolated($"[green]call center[/] SIP on udp:{sip} — call sip:{string.Join(" or ", settings.IvrNumbers)}@{sip}; agents register their extension at sip:{sip}");
            if (settings.SipSecret == TelephonySettings.DemoSecret)
                AnsiConsole.MarkupLine("[yellow]note:[/] Telephony:SipSecret is the demo value: set your own before agents' phones leave this machine");
            if (showAgents) await PrintAgentsAsync(database, settings, stop);
            AnsiConsole.MarkupLine("Serving until Ctrl+C.");
            try { await Task.Delay(Timeout.Infinite, stop); }
            catch (OperationCanceledException) { }
            await web.StopAsync(CancellationToken.None);
        }
        AnsiConsole.MarkupLine("[green]stopped[/]");
    }

    private static async Task PrintAgentsAsync(CrmDatabase database, TelephonySettings settings, CancellationToken ct)
    {
        var passwords = new AgentSipPassword(settings.SipSecret);
        var table = new Table().AddColumns("agent", "name", "SIP user (extension)", "SIP password", "skills");
        foreach (var agent in await new OperationalAgentDirectory(database, passwords).AgentsAsync(ct))
            table.AddRow(agent.AgentNo, Markup.Escape(agent.Name), agent.Extension, passwords.For(agent.Extension), string.Join(", ", agent.Skills.Select(s => $"{s.Key} {s.Value}")));
        AnsiConsole.MarkupLine("Agents' phones (register with digest auth, realm crm.local):");
        AnsiConsole.Write(table);
    }
}
