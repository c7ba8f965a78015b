using CancellationPortal.TestSupport;

namespace CancellationPortal.E2E.ScaleOut;

/// <summary>
/// Two instances of each app on one fresh PostgreSQL database, started at the same moment on an empty database,
/// with nginx in front (round-robin, no sticky sessions). The back-office instances both run the outbox dispatcher
/// and the refund reconciliation job; emails go to one shared pickup folder.
/// </summary>
public sealed class TwoInstancesOfEachApp : IAsyncLifetime
{
    public const string DemoPassword = "Demo-Cancel-2026!";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "cancellationportal-scaleout", Guid.NewGuid().ToString("N"));

    public TestDatabase Database { get; private set; } = null!;
    public IReadOnlyList<AppHost> Portals { get; private set; } = [];
    public IReadOnlyList<AppHost> BackOffices { get; private set; } = [];
    public Nginx Nginx { get; private set; } = null!;
    public string MailFolder => Path.Combine(_dataFolder, "mail");

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Provider.Postgres, migrate: false);
        var portalPort = Nginx.FreePort();
        var backOfficePort = Nginx.FreePort();
        var environment = SharedSettings(Database.ConnectionString, MailFolder);

        // Four instances start at once on the empty database: the migration lock lets exactly one migrate it.
        var portals = Enumerable.Range(0, 2).Select(_ => AppHost.StartAsync("Portal", With(environment, "Portal", portalPort))).ToList();
        var backOffices = Enumerable.Range(0, 2).Select(_ => AppHost.StartAsync("BackOffice", With(environment, "BackOffice", backOfficePort))).ToList();
        Portals = await Task.WhenAll(portals);
        BackOffices = await Task.WhenAll(backOffices);
        await AppHost.RunCommandAsync("BackOffice", environment, "seed-demo");
        Nginx = await Nginx.StartAsync(portalPort, Portals.Select(p => p.BaseUrl), backOfficePort, BackOffices.Select(b => b.BaseUrl));
    }

    public async Task DisposeAsync()
    {
        if (Nginx is not null)
        {
            await Nginx.DisposeAsync();
        }

        foreach (var host in Portals.Concat(BackOffices))
        {
            await host.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    /// <summary>What every instance is started with: the shared database and mail folder, and a quick outbox.</summary>
    public static Dictionary<string, string> SharedSettings(string connectionString, string mailFolder) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = "Postgres",
        ["Database__ConnectionString"] = connectionString,
        ["Email__PickupFolder"] = mailFolder,
        ["Outbox__PollInterval"] = "00:00:00.300",
        ["Outbox__BatchSize"] = "5",
        ["Outbox__ClaimTimeout"] = "00:00:03",
        ["Demo__Password"] = DemoPassword,
    };

    /// <summary>Behind nginx, links and allowed hosts are the proxy's address.</summary>
    private static Dictionary<string, string> With(Dictionary<string, string> environment, string app, int publicPort) =>
        new(environment) { [$"{app}__PublicUrl"] = $"http://127.0.0.1:{publicPort}/" };
}

[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<TwoInstancesOfEachApp>
{
    public const string Name = "Two instances of each app behind nginx";
}
