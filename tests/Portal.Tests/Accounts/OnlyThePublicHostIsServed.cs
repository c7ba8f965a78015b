using System.Net;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Portal.Tests.Accounts;

/// <summary>Without AllowedHosts, the portal serves only the host of its public address.</summary>
public abstract class OnlyThePublicHostIsServed(Provider provider) : IAsyncLifetime
{
    private PortalApp _app = null!;

    public async Task InitializeAsync() => _app = await PortalApp.StartAsync(provider);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ARequestForAnotherHostIsRefusedBeforeAnyPageRuns()
    {
        using var browser = _app.NewBrowser();

        (await browser.GetAsync("http://evil.example/Identity/Account/ForgotPassword")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetAsync("/Identity/Account/ForgotPassword")).Status.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class OnlyThePublicHostIsServedOnSqlite() : OnlyThePublicHostIsServed(Provider.Sqlite);
