using System.Net;
using CancellationPortal.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Portal.Tests.Accounts;

/// <summary>A new shopper registers, confirms the address through the mailed link, then signs in.</summary>
public abstract class Registering(Provider provider) : IAsyncLifetime
{
    private PortalApp _app = null!;

    public async Task InitializeAsync() => _app = await PortalApp.StartAsync(provider);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignInWaitsForTheConfirmationMailedThroughTheOutbox()
    {
        using var browser = _app.NewBrowser();
        const string email = "new.shopper@example.com";
        var register = await browser.GetAsync("/Identity/Account/Register");
        var registered = await browser.SubmitAsync(register, "Register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = PortalApp.Password,
            ["Input.ConfirmPassword"] = PortalApp.Password,
        });

        registered.Status.ShouldBe(HttpStatusCode.OK);
        registered.Text.ShouldContain("Please check your email to confirm your account.");
        registered.Text.ShouldNotContain("ConfirmEmail?");

        var early = await browser.SignInAsync(email, PortalApp.Password);
        early.Text.ShouldContain("Invalid login attempt.");
        early.HasButton("Sign out").ShouldBeFalse();

        var mail = (await _app.OutboxMailAsync()).ShouldHaveSingleItem();
        mail.To.ShouldBe(email);
        mail.Subject.ShouldBe("Confirm your email");
        var confirmed = await browser.GetAsync(Mail.Link(mail));
        confirmed.Text.ShouldContain("Thank you for confirming your email.");

        var signedIn = await browser.SignInAsync(email, PortalApp.Password);
        signedIn.HasButton("Sign out").ShouldBeTrue();
        (await browser.GetAsync("/Account/Orders")).Text.ShouldContain("You have no orders yet.");

        var delivered = (await _app.DeliverMailAsync()).ShouldHaveSingleItem();
        delivered.ShouldContain("Confirm your email");
    }

    [Fact]
    public async Task ARegisteredAccountIsACustomer()
    {
        using var browser = _app.NewBrowser();
        const string email = "fresh.shopper@example.com";
        var register = await browser.GetAsync("/Identity/Account/Register");
        await browser.SubmitAsync(register, "Register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = PortalApp.Password,
            ["Input.ConfirmPassword"] = PortalApp.Password,
        });

        var roles = await _app.WithServiceAsync<UserManager<ApplicationUser>, IList<string>>(async users =>
            await users.GetRolesAsync((await users.FindByEmailAsync(email)).ShouldNotBeNull()));

        roles.ShouldBe([Roles.Customer]);
    }
}

public sealed class RegisteringOnSqlite() : Registering(Provider.Sqlite);

public sealed class RegisteringOnPostgres() : Registering(Provider.Postgres);
