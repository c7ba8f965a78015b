using System.Net;
using CancellationPortal.Domain.Identity;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Accounts;

/// <summary>Signing in and out, lockout after repeated failures, and changing the password.</summary>
public abstract class SigningIn(Provider provider) : IAsyncLifetime
{
    private PortalApp _app = null!;

    public async Task InitializeAsync() => _app = await PortalApp.StartAsync(provider);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task RepeatedFailuresLockTheAccount()
    {
        var shopper = await _app.CreateShopperAsync();
        using var browser = _app.NewBrowser();
        for (var i = 0; i < 5; i++)
        {
            var failed = await browser.SignInAsync(shopper.Email, "wrong-password-123");
            failed.Text.ShouldContain(i < 4 ? "Invalid login attempt." : "locked out", Case.Insensitive, failed.Url + failed.Text);
        }

        var locked = await browser.SignInAsync(shopper.Email, PortalApp.Password);

        locked.Url.AbsolutePath.ShouldBe("/Identity/Account/Lockout");
        locked.Text.ShouldContain("This account has been locked out, please try again later.");
        locked.HasButton("Sign out").ShouldBeFalse();
        var user = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == shopper.Id));
        user.LockoutEnd.ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task AForeignReturnAddressLeadsToThePortalInstead()
    {
        const string foreign = "https://evil.example/";
        var shopper = await _app.CreateShopperAsync();
        using var browser = _app.NewBrowser();

        var login = await browser.GetAsync($"/Identity/Account/Login?returnUrl={Uri.EscapeDataString(foreign)}");
        login.Status.ShouldBe(HttpStatusCode.OK);
        var form = login.FormWithButton("Sign in");
        form.Action.ShouldNotContain("evil.example");

        // A crafted form posts the foreign address straight to the handler.
        form.Action = $"/Identity/Account/Login?returnUrl={Uri.EscapeDataString(foreign)}";
        var signedIn = await browser.SubmitAsync(login, "Sign in", new Dictionary<string, string>
        {
            ["Input.Email"] = shopper.Email,
            ["Input.Password"] = PortalApp.Password,
        });

        signedIn.Status.ShouldBe(HttpStatusCode.OK, signedIn.Text);
        signedIn.Url.Host.ShouldBe("localhost");
        signedIn.Url.AbsolutePath.ShouldBe("/");
        signedIn.HasButton("Sign out").ShouldBeTrue();
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        var shopper = await _app.CreateShopperAsync();
        using var browser = _app.NewBrowser();
        var home = await browser.SignInAsync(shopper.Email, PortalApp.Password);

        var signedOut = await browser.SubmitAsync(home, "Sign out");

        signedOut.HasButton("Sign out").ShouldBeFalse();
        (await browser.GetAsync("/Account/Orders")).Url.AbsolutePath.ShouldBe("/Identity/Account/Login");
    }

    [Fact]
    public async Task ChangingThePasswordNeedsTheOldOne()
    {
        var shopper = await _app.CreateShopperAsync();
        using var browser = _app.NewBrowser();
        await browser.SignInAsync(shopper.Email, PortalApp.Password);
        const string newPassword = "Changed-Secret-2026";
        var form = await browser.GetAsync("/Identity/Account/Manage/ChangePassword");

        var wrongOld = await browser.SubmitAsync(form, "Update password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "not-my-password-1",
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        wrongOld.Text.ShouldContain("Incorrect password.");

        var changed = await browser.SubmitAsync(wrongOld, "Update password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = PortalApp.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        changed.Text.ShouldContain("Your password has been changed.");

        await browser.SubmitAsync(changed, "Sign out");
        (await browser.SignInAsync(shopper.Email, PortalApp.Password)).Text.ShouldContain("Invalid login attempt.");
        (await browser.SignInAsync(shopper.Email, newPassword)).HasButton("Sign out").ShouldBeTrue();
    }
}

public sealed class SigningInOnSqlite() : SigningIn(Provider.Sqlite);

public sealed class SigningInOnPostgres() : SigningIn(Provider.Postgres);
