using Microsoft.Playwright;

namespace CancellationPortal.E2E;

/// <summary>
/// Both apps on Kestrel over one fresh SQLite database with the demo data, and one headless Debian Chromium.
/// Shared by every browser test (one collection), so the apps start once per run.
/// </summary>
public sealed class StoreFixture : IAsyncLifetime
{
    public const string DemoPassword = "Demo-Cancel-2026!";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "cancellationportal-e2e", Guid.NewGuid().ToString("N"));
    private readonly BrowserProblems _problems = new();
    private readonly List<IBrowserContext> _contexts = [];
    private IPlaywright? _playwright;

    public AppHost Portal { get; private set; } = null!;
    public AppHost BackOffice { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the apps write emails as .eml files.</summary>
    public string MailFolder => Path.Combine(_dataFolder, "mail");

    /// <summary>The SQLite file both apps share; tests may read it to check what a person cannot see.</summary>
    public string DatabaseFile => Path.Combine(_dataFolder, "cancellationportal.db");

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Sqlite",
            ["Database__DataFolder"] = _dataFolder,
            ["Email__PickupFolder"] = MailFolder,
            ["Outbox__PollInterval"] = "00:00:00.500",
            ["Demo__Password"] = DemoPassword,
        };
        await AppHost.RunCommandAsync("BackOffice", environment, "seed-demo");
        var portal = AppHost.StartAsync("Portal", environment);
        var backOffice = AppHost.StartAsync("BackOffice", environment);
        Portal = await portal;
        BackOffice = await backOffice;

        // Assertions wait on what the page shows as long as actions do: both apps share two busy cores.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh browser context (its own cookies) with a page, sized like a laptop screen. Every page it opens is watched
    /// for console errors and failed assets (<see cref="BrowserTest"/> fails the test on any).
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(15_000);
        context.Page += (_, page) => _problems.Watch(page);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return await context.NewPageAsync();
    }

    /// <summary>The problems the browser reported since the last call.</summary>
    public IReadOnlyList<string> TakeBrowserProblems() => _problems.Take();

    /// <summary>Closes every context a test opened and returns the problems its pages reported.</summary>
    public async Task<IReadOnlyList<string>> CloseBrowserContextsAsync()
    {
        IBrowserContext[] open;
        lock (_contexts)
        {
            open = [.. _contexts];
            _contexts.Clear();
        }

        foreach (var context in open)
        {
            await context.CloseAsync();
        }

        return TakeBrowserProblems();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Portal.DisposeAsync();
        await BackOffice.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a stopping process: the OS temp cleaner takes it.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class StoreCollection : ICollectionFixture<StoreFixture>
{
    public const string Name = "store";
}
