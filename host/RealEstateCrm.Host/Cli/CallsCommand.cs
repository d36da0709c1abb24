using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Telephony;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Telephony.CallCenter;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm calls bill</c> (the month's call bill per agent and department), <c>crm calls recordings</c> (find
/// recordings by customer, agent and time) and <c>crm calls erlang</c> (agents needed for a service level).</summary>
public static class CallsCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("calls", "Call center: the monthly call bill, recording search and the Erlang C staffing calculator.");
        command.Add(Bill(options));
        command.Add(Recordings(options));
        command.Add(Erlang());
        return command;
    }

    private static Command Bill(GlobalOptions options)
    {
        var month = new Option<string>("--month") { Description = "The month to bill, e.g. 2026-10 (China Standard Time)", Required = true };
        var output = new Option<string>("--out") { Description = "CSV file to write", Required = true };
        var tariff = new Option<string?>("--tariff") { Description = "Tariff CSV (prefix,name,rate_per_minute,increment_seconds); default: the shipped table" };
        var command = new Command("bill", "Rate the month's outbound calls by the tariff and write the bill per agent and department as CSV.") { month, output, tariff };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var first = OutboundCallsForBilling.ParseMonth(parse.GetRequiredValue(month));
            var rates = parse.GetValue(tariff) is { } path ? TariffCsv.Load(path) : TariffCsv.Default();
            var calls = await new OutboundCallsForBilling(new CrmDatabase(options.ResolveDatabase(parse))).Handle(first, ct);
            var bill = MonthlyBill.Build(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), calls, rates);
            var file = parse.GetRequiredValue(output);
            // Written beside and moved into place: a failed run never leaves half a bill under the requested name.
            var partial = file + ".partial";
            try
            {
                await using (var writer = new StreamWriter(partial, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
                    bill.WriteCsv(writer);
                File.Move(partial, file, overwrite: true);
            }
            catch
            {
                File.Delete(partial);
                throw;
            }
            AnsiConsole.MarkupLineInterpolated($"[green]billed[/] {calls.Count - bill.Unrated.Count} calls of {bill.Month}: {bill.Agents.Count} agents, {bill.Departments.Count} departments, total {bill.Total.ToString("0.00", CultureInfo.InvariantCulture)} yuan → {file}");
            foreach (var call in bill.Unrated)
                AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] call {call.CallId} to {call.Callee} matches no tariff prefix; not billed");
            return 0;
        }));
        return command;
    }

    private static Command Recordings(GlobalOptions options)
    {
        var customer = new Option<string?>("--customer") { Description = "Customer code (客户编号), e.g. KH01A2B3C4D5" };
        var agent = new Option<string?>("--agent") { Description = "Agent number, e.g. A001" };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Calls started at or after this time, e.g. 2026-10-01T00:00+08:00" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Calls started before this time" };
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first", DefaultValueFactory = _ => 100 };
        var command = new Command("recordings", "Find call recordings by customer, agent and time, newest first.") { customer, agent, from, to, limit };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var database = new CrmDatabase(options.ResolveDatabase(parse));
            Guid? customerId = null;
            if (parse.GetValue(customer) is { } code)
            {
                await using var db = database.CreateContext($"cli:{Environment.UserName}");
                customerId = await db.Customers.Where(c => c.Code == code).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct)
                    ?? throw new ArgumentException($"customer: no customer with code \"{code}\"");
            }
            var hits = await new SearchRecordings(database).Handle(
                new SearchRecordings.Request(customerId, parse.GetValue(agent), parse.GetValue(from), parse.GetValue(to), parse.GetValue(limit)), ct);
            var table = new Table().AddColumns("started (UTC)", "call", "caller", "customer", "agent", "talk s", "recording");
            foreach (var h in hits)
                table.AddRow(Markup.Escape(h.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)), Markup.Escape(h.CallId), Markup.Escape(h.Caller),
                    Markup.Escape($"{h.CustomerCode} {h.CustomerName}".Trim()), Markup.Escape(h.AgentNo ?? ""), h.TalkSeconds.ToString(CultureInfo.InvariantCulture), Markup.Escape(h.RecordingFile));
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated($"{hits.Count} recordings");
            return 0;
        }));
        return command;
    }

    private static Command Erlang()
    {
        var calls = new Option<double>("--calls-per-hour") { Description = "Calls offered per hour", Required = true };
        var aht = new Option<double>("--aht") { Description = "Average handle time in seconds (talk + wrap-up)", Required = true };
        var target = new Option<double>("--target-sl") { Description = "Target service level, 0.8 for 80%", DefaultValueFactory = _ => 0.8 };
        var within = new Option<double>("--answer-within") { Description = "Service-level time in seconds", DefaultValueFactory = _ => 20 };
        var command = new Command("erlang", "Erlang C: agents needed to answer the target share of calls within the time.") { calls, aht, target, within };
        command.SetAction((parse, _) => CliRunner.Run(() =>
        {
            var (perHour, handle, sl, seconds) = (parse.GetValue(calls), parse.GetValue(aht), parse.GetValue(target), parse.GetValue(within));
            var plan = ErlangC.AgentsNeeded(perHour, handle, sl, seconds);
            var table = new Table().AddColumns("agents", $"SL({seconds:0} s)", "ASA (s)", "P(wait)", "occupancy");
            foreach (var o in plan.Options)
                table.AddRow(o.Agents == plan.AgentsNeeded ? $"[green]{o.Agents}[/]" : o.Agents.ToString(CultureInfo.InvariantCulture),
                    $"{o.ServiceLevel * 100:0.0}%", double.IsInfinity(o.AverageSpeedOfAnswerSeconds) ? "∞" : $"{o.AverageSpeedOfAnswerSeconds:0.0}",
                    $"{o.ProbabilityOfWaiting * 100:0.0}%", $"{o.Occupancy * 100:0.0}%");
            AnsiConsole.MarkupLineInterpolated($"traffic {plan.TrafficErlangs:0.00} erlangs; [green]{plan.AgentsNeeded} agents[/] reach {sl * 100:0.#}% within {seconds:0} s");
            AnsiConsole.Write(table);
            return Task.FromResult(0);
        }));
        return command;
    }
}
