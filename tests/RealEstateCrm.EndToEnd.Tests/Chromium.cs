using Microsoft.Playwright;
using RealEstateCrm.Operational.DemoData;

namespace RealEstateCrm.EndToEnd.Tests;

/// <summary>Debian's Chromium driven by Playwright (which cannot download its own browser here). Without
/// /usr/bin/chromium a laptop run skips the browser tests with the reason; under CI=true they fail.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where each main page's screenshot is saved: artifacts/screenshots at the repository root.</summary>
    public static readonly string ScreenshotFolder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(SkipReason);

    private static string SkipReason => $"Chromium not installed at {ExecutablePath} (scripts/install-prerequisites.sh installs it)";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath)) return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) showing <paramref name="culture"/>, signed in as
    /// <paramref name="userName"/> through the sign-in page.</summary>
    public async Task<IPage> SignInAsync(Uri site, string userName, string culture = "en", string password = DemoSeeder.DemoPassword)
    {
        var page = await NewPageAsync(site, culture);
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit]");
        try
        {
            await page.LeaveAsync("/Account/SignIn");
            await page.Locator("header .account .who").WaitForAsync();
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            // A sign-in that never leaves the page has failed intermittently under load; say what the page showed, so
            // a refusal (its message) can be told from a request that never answered (the form still there, no message).
            var problem = await page.Locator(".error").AllInnerTextsAsync();
            throw new TimeoutException($"signing in as {userName} did not leave {page.Url}; the page shows: " +
                (problem.Count > 0 ? string.Join(" | ", problem) : "no message"), e);
        }
        return page;
    }

    public async Task<IPage> NewPageAsync(Uri site, string culture = "en")
    {
        Require();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.ToString(), Locale = culture, ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = culture },
        });
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public static void Require()
    {
        if (File.Exists(ExecutablePath)) return;
        if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException($"CI=true but {SkipReason}");
        Assert.Skip(SkipReason);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>The checkout's root (the folder holding RealEstateCrm.sln above the test binaries).</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RealEstateCrm.sln"))) folder = folder.Parent;
        return folder?.FullName ?? AppContext.BaseDirectory;
    }
}
