using System.Net;
using Microsoft.AspNetCore.Builder;
using RealEstateCrm.Host.Telephony;
using Microsoft.Extensions.DependencyInjection;
using RealEstateCrm.Host.Web;
using RealEstateCrm.Host.Web.Shared;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Telephony.CallCenter;
using RealEstateCrm.Telephony.Sip;
using RealEstateCrm.Telephony.Tests.Sip.Peers;
using RealEstateCrm.Testing;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>What <c>crm serve</c> runs, in this process, on a tiny seeded SQLite database: the call center on a free
/// SIP port of 127.0.0.1 and the web UI on a free TCP port. Shared by every browser test (one collection); tests
/// that change data make their own rows so their order does not matter.</summary>
public sealed class WebServer : IAsyncLifetime
{
    private TestDatabase? _database;
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-web-").FullName;

    public CrmDatabase Database => _database!.Database;
    public CallCenterSwitch CallCenter { get; private set; } = null!;
    public WebApplication App { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IPEndPoint SipEndPoint => CallCenter.SipEndPoint;
    public TelephonySettings Telephony { get; private set; } = null!;
    /// <summary>The web's business clock (the fixture's time zone setting, Asia/Shanghai, whatever the machine's zone).</summary>
    public BusinessTime Time => App.Services.GetRequiredService<BusinessTime>();
    /// <summary>The switch's outbound trunk: a port of 127.0.0.1 given out at start, where a test that dials customers
    /// runs its sipp customer (<see cref="Sipp.StartOn"/>); nothing answers there otherwise.</summary>
    public int TrunkPort { get; } = FreePort.Next();
    /// <summary>The web's warehouse file; it does not exist until a test loads it (the ETL from <see cref="Database"/>).</summary>
    public string WarehousePath => Path.Combine(_folder, "warehouse.duckdb");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await new DemoSeeder(Database).SeedAsync(new SeedOptions(SeedScale.Tiny));
        Telephony = new TelephonySettings(IPAddress.Loopback, 0, new HashSet<string> { "4008" }, "web-test-secret",
            Path.Combine(_folder, "recordings"), "zh", null, null, "IVR", SipUri.Create(null, "127.0.0.1", TrunkPort));
        CallCenter = await CallCenterServer.StartAsync(Database, Telephony);
        App = CrmWebApp.Build(new CrmWebOptions(Database.Options, WarehousePath,
            new WebSettings(IPAddress.Loopback, 0, Path.Combine(_folder, "keys"), TimeZone: "Asia/Shanghai"), Path.Combine(_folder, "models"), Workers: 0, CallCenter));
        await App.StartAsync();
        BaseAddress = App.BaseAddress();
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        if (CallCenter is not null) await CallCenter.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebServer>, ICollectionFixture<Chromium>
{
    public const string Name = "web";
}
