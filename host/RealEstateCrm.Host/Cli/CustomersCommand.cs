using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Operational.Features.Handover;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm customers leave</c>: records that an owner left the property service (LeavePropertyService), for
/// the service desk's back office entering what came in on paper.</summary>
public static class CustomersCommand
{
    public static Command Create(GlobalOptions options)
    {
        var customer = new Option<string>("--customer") { Description = "The customer: his id, code (C000123) or mobile number", Required = true };
        var date = new Option<string>("--date") { Description = "The day he left, YYYY-MM-DD, in the business's time zone (Web:TimeZone)", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why he left", Required = true };
        var channel = new Option<ReceptionChannel>("--channel") { Description = "How he told us: Phone, Web, WalkIn or WeChat", DefaultValueFactory = _ => ReceptionChannel.Phone };

        var leave = new Command("leave", "Record that an owner leaves the property service (churn counts it).") { customer, date, reason, channel };
        leave.SetAction(parse => CliRunner.Run(async () =>
        {
            var day = ParseDay(parse.GetRequiredValue(date));
            var time = new BusinessTime(BusinessZone(), TimeProvider.System);
            var database = new CrmDatabase(options.ResolveDatabase(parse));
            await database.MigrateAsync();
            await using var db = database.CreateContext($"cli:{Environment.UserName}");
            var owner = await FindAsync(db, parse.GetRequiredValue(customer));
            await new LeavePropertyService(db, TimeProvider.System).Handle(
                new LeavePropertyService.Request(owner.Id, time.StartOfDayUtc(day), parse.GetRequiredValue(reason), parse.GetValue(channel)));
            AnsiConsole.MarkupLineInterpolated($"[green]recorded[/] {owner.Code} {owner.Name} left the property service on {day:yyyy-MM-dd}");
            return 0;
        }));
        return new Command("customers", "Work on customers.") { leave };
    }

    private static DateOnly ParseDay(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : throw new ArgumentException($"--date: \"{text}\" is not a date as YYYY-MM-DD");

    /// <summary>The zone the web pages read dates in, so a day typed here means the same day as in the browser.</summary>
    private static TimeZoneInfo BusinessZone() =>
        BusinessTime.FindZone(new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build()["Web:TimeZone"] ?? BusinessTime.DefaultZone);

    /// <summary>The live (not merged away) customer an id, code or mobile number names; a number two customers share is
    /// refused with their codes, so the user picks one.</summary>
    private static async Task<Customer> FindAsync(CrmDbContext db, string given)
    {
        var text = given.Trim();
        var live = db.Customers.Where(c => c.MergedIntoId == null);
        if (Guid.TryParse(text, out var id)) return await live.SingleOrDefaultAsync(c => c.Id == id) ?? throw Unknown(text);
        if (await live.SingleOrDefaultAsync(c => c.Code == text) is { } byCode) return byCode;
        var phone = ChinesePhone.Normalize(text);
        var byPhone = phone is null ? [] : await live.Where(c => c.Phone == phone).OrderBy(c => c.Code).ToListAsync();
        return byPhone.Count switch
        {
            1 => byPhone[0],
            0 => throw Unknown(text),
            _ => throw new ArgumentException($"--customer: {text} is the mobile number of {byPhone.Count} customers ({string.Join(", ", byPhone.Select(c => c.Code))}); give the code"),
        };
    }

    private static ArgumentException Unknown(string text) => new($"--customer: no customer with the id, code or mobile number \"{text}\"");
}
