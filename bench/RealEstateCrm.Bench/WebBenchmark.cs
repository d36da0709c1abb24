using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Host.Web;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;

namespace RealEstateCrm.Bench;

/// <summary>The <c>web</c> suite: the web app in this process (no Hangfire workers, no call center) over a copy of the
/// seeded SQLite database at a scale (default medium), signed-in clients spread over the demo roles, each loading its
/// role's pages (<see cref="WebBenchPages"/>) one after another for a number of seconds; requests/s, p50/p95/p99 per
/// page and overall, and every answer other than 200 counted as an error.</summary>
internal static partial class WebBenchmark
{
    /// <summary>Load before the measured window: the JIT's tiered recompilation of the hot paths takes about 30 s of CPU
    /// under load, which no long-running server pays again, so the clock starts after it.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(string[] args)
    {
        var scale = SeedScale.Parse(args.ElementAtOrDefault(0) ?? "medium");
        var clients = int.Parse(args.ElementAtOrDefault(1) ?? "50");
        var seconds = int.Parse(args.ElementAtOrDefault(2) ?? "60");
        // One page alone (its name in the report) tells its own CPU per request, which the mixed run cannot.
        var only = args.ElementAtOrDefault(3);
        var benchPages = WebBenchPages.All.Where(p => only is null || p.Name == only).ToList();
        if (benchPages.Count == 0) throw new ArgumentException($"no page named \"{only}\"; pages: {string.Join(", ", WebBenchPages.All.Select(p => p.Name))}");
        var folder = Directory.CreateTempSubdirectory("crm-bench-web-").FullName;
        var copy = await SeededDatabaseCache.CopyAsync(scale);
        try
        {
            // The request log at Information would time the console, not the pages.
            Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
            var database = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={copy}");
            await new CrmDatabase(database).MigrateAsync();
            await using var app = CrmWebApp.Build(new CrmWebOptions(database, Path.Combine(folder, "warehouse.duckdb"),
                new WebSettings(IPAddress.Loopback, 0, Path.Combine(folder, "keys")), Path.Combine(folder, "models"), Workers: 0));
            await app.StartAsync();
            var site = app.BaseAddress();
            // crm serve runs with the server GC (the Web SDK's default); this process only does when started with DOTNET_gcServer=1.
            Console.WriteLine($"web benchmark: scale {scale.Name}, {clients} clients, {seconds} s after {WarmUp.TotalSeconds:0} s of warm-up load, {site}; {Environment.ProcessorCount} cores, " +
                $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, {SeedBenchmark.LoadAverage()}");

            var roles = BuiltInRoles.All.Keys.ToList();
            var customers = await CustomersInScopeAsync(new CrmDatabase(database), roles);
            var sessions = new List<Client>();
            for (var i = 0; i < clients; i++)
            {
                var role = roles[i % roles.Count];
                var pages = benchPages.Where(p => May(role, p.Function) && (!p.Path.Contains("{customer}") || customers[role].Count > 0)).ToList();
                if (pages.Count == 0) continue;
                sessions.Add(await Client.SignInAsync(site, "demo." + role, pages, customers[role], seed: i));
            }
            foreach (var role in roles.Where(r => customers[r].Count == 0))
                Console.WriteLine($"demo.{role} has no customer in his data scope: his clients skip the pages that need one");

            foreach (var session in sessions.DistinctBy(s => s.UserName)) await session.WarmUpAsync();
            await RunAllAsync(sessions, WarmUp);
            foreach (var session in sessions) session.Results.Clear();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes();
            var paused = GC.GetTotalPauseDuration();
            int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var elapsed = await RunAllAsync(sessions, TimeSpan.FromSeconds(seconds));
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            allocated = GC.GetTotalAllocatedBytes() - allocated;
            paused = GC.GetTotalPauseDuration() - paused;
            for (var generation = 0; generation < collections.Length; generation++) collections[generation] = GC.CollectionCount(generation) - collections[generation];

            var results = sessions.SelectMany(s => s.Results).ToList();
            Report(results, elapsed);
            // Load-independent: what a request costs this process (server and its in-process clients), however busy the machine.
            Console.WriteLine($"process CPU {cpu.TotalSeconds:0.0} s in {elapsed:0.0} s for {results.Count:N0} requests: {cpu.TotalMilliseconds / Math.Max(1, results.Count):0.0} ms CPU per request");
            // What drives the garbage collector: bytes allocated per request, and how many collections reached each generation.
            Console.WriteLine($"allocated {allocated / 1e6:N0} MB: {allocated / 1e3 / Math.Max(1, results.Count):N0} KB per request; " +
                $"collections gen0/gen1/gen2 {collections[0]:N0}/{collections[1]:N0}/{collections[2]:N0}, paused {paused.TotalSeconds:0.00} s");
            Console.WriteLine($"done; {SeedBenchmark.LoadAverage()}");
            foreach (var session in sessions) session.Dispose();
            return 0;
        }
        finally
        {
            SeededDatabaseCache.Delete(copy);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Every client loading its pages until <paramref name="duration"/> has passed; the seconds it took.</summary>
    private static async Task<double> RunAllAsync(IReadOnlyList<Client> sessions, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(sessions.Select(s => Task.Run(() => s.RunAsync(clock, duration))));
        return clock.Elapsed.TotalSeconds;
    }

    private static bool May(string role, string? function) =>
        function is null || BuiltInRoles.All[role].Functions.Contains(Functions.All) || BuiltInRoles.All[role].Functions.Contains(function);

    /// <summary>Up to 200 customers each demo user may see, so the customer pages are asked only for ids in scope.</summary>
    private static async Task<Dictionary<string, IReadOnlyList<Guid>>> CustomersInScopeAsync(CrmDatabase database, IEnumerable<string> roles)
    {
        await using var db = database.CreateContext();
        var result = new Dictionary<string, IReadOnlyList<Guid>>();
        foreach (var role in roles)
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "demo." + role);
            var scope = await new GetDataScope(db).Handle(new GetDataScope.Request(user.Id));
            result[role] = await db.VisibleCustomers(scope).Where(c => c.MergedIntoId == null).OrderBy(c => c.Code).Select(c => c.Id).Take(200).ToListAsync();
        }
        return result;
    }

    private static void Report(IReadOnlyList<Result> results, double seconds)
    {
        Console.WriteLine($"{"page",-20} {"requests",9} {"req/s",7} {"p50 ms",7} {"p95 ms",7} {"p99 ms",7} {"errors",7}");
        foreach (var page in results.GroupBy(r => r.Page).OrderBy(g => g.Key))
            Line(page.Key, page.ToList(), seconds);
        Line("overall", results, seconds);
        foreach (var error in results.Where(r => r.Status != 200).GroupBy(r => (r.Page, r.Status)).OrderBy(g => g.Key))
            Console.WriteLine($"  error: {error.Key.Page} answered {error.Key.Status} ×{error.Count()}");
    }

    private static void Line(string name, IReadOnlyList<Result> results, double seconds)
    {
        var ms = results.Select(r => r.Milliseconds).Order().ToList();
        double At(double q) => ms.Count == 0 ? 0 : ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        Console.WriteLine($"{name,-20} {results.Count,9:N0} {results.Count / seconds,7:0.0} {At(.5),7:0} {At(.95),7:0} {At(.99),7:0} {results.Count(r => r.Status != 200),7:N0}");
    }

    internal sealed record Result(string Page, double Milliseconds, int Status);

    /// <summary>One signed-in browser's worth of requests: its own cookies, one request at a time.</summary>
    private sealed class Client(HttpClient http, string userName, IReadOnlyList<WebBenchPages.Page> pages, IReadOnlyList<Guid> customers, int seed) : IDisposable
    {
        private readonly Random _random = new(seed);
        public string UserName => userName;
        public List<Result> Results { get; } = [];

        public static async Task<Client> SignInAsync(Uri site, string userName, IReadOnlyList<WebBenchPages.Page> pages, IReadOnlyList<Guid> customers, int seed)
        {
            var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
                { BaseAddress = site };
            var form = await http.GetStringAsync("/Account/SignIn");
            var token = AntiForgeryToken().Match(form) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
                : throw new InvalidOperationException("the sign-in page has no anti-forgery token");
            var answer = await http.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName, ["Password"] = DemoSeeder.DemoPassword, ["__RequestVerificationToken"] = token,
            }));
            if (answer.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"{userName} could not sign in: {(int)answer.StatusCode}");
            return new Client(http, userName, pages, customers, seed);
        }

        /// <summary>Each page once before the clock starts: the first request of a page compiles and caches its queries.</summary>
        public async Task WarmUpAsync()
        {
            foreach (var page in pages) await GetAsync(page);
        }

        public async Task RunAsync(Stopwatch clock, TimeSpan until)
        {
            var next = _random.Next(pages.Count);
            while (clock.Elapsed < until)
            {
                var page = pages[next++ % pages.Count];
                var started = clock.Elapsed;
                var status = await GetAsync(page);
                Results.Add(new Result(page.Name, (clock.Elapsed - started).TotalMilliseconds, status));
            }
        }

        private async Task<int> GetAsync(WebBenchPages.Page page)
        {
            var path = page.Path.Replace("{customer}", customers.Count == 0 ? "" : customers[_random.Next(customers.Count)].ToString());
            // The whole body is read, as a browser would, but into a pooled buffer and dropped: buffering it and then
            // copying it to an array (GetAsync's default, then ReadAsByteArrayAsync) was 13 % of what this process
            // allocated under load, the clients' cost and not the server's.
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            await response.Content.CopyToAsync(Stream.Null);
            return (int)response.StatusCode;
        }

        public void Dispose() => http.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryToken();
}
