using System.Net;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Accounts;

/// <summary>
/// Two instances of the portal behind a load balancer: the data-protection keys that sign the cookie and the
/// antiforgery token live in the shared database, so whichever instance answers reads what the other issued.
/// </summary>
public abstract class OneSignInAcrossInstances(Provider provider) : IAsyncLifetime
{
    private PortalApp _first = null!;
    private PortalApp _second = null!;

    public async Task InitializeAsync()
    {
        _first = await PortalApp.StartAsync(provider);
        _second = _first.StartAnotherInstance();
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task ACookieAndAFormIssuedByOneInstanceAreAcceptedByTheOther()
    {
        var shopper = await _first.CreateShopperAsync();
        var cookies = new CookieContainer();
        using var first = _first.NewBrowser(cookies);
        using var second = _second.NewBrowser(cookies);

        (await first.SignInAsync(shopper.Email, PortalApp.Password)).HasButton("Sign out").ShouldBeTrue();
        (await _first.WithDbAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBe(1);

        var orders = await second.GetAsync("/Account/Orders");
        orders.Status.ShouldBe(HttpStatusCode.OK);
        orders.Url.AbsolutePath.ShouldBe("/Account/Orders");

        // The sign-out form, antiforgery token included, as the first instance rendered it, posted to the second.
        var page = await first.GetAsync("/Account/Orders");
        (await second.ReplayAsync(page.FormWithButton("Sign out"), "Sign out")).Status.ShouldBe(HttpStatusCode.OK);
        (await first.GetAsync("/Account/Orders")).Url.AbsolutePath.ShouldBe("/Identity/Account/Login");
    }
}

public sealed class OneSignInAcrossInstancesOnSqlite() : OneSignInAcrossInstances(Provider.Sqlite);

public sealed class OneSignInAcrossInstancesOnPostgres() : OneSignInAcrossInstances(Provider.Postgres);
