using System.Net;
using CancellationPortal.Domain.Identity;
using CancellationPortal.Domain.Notifications;
using Microsoft.AspNetCore.Identity;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

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
    public async Task AnExistingAddressGetsTheAnswerOfANewOneAndItsOwnerAnEmail()
    {
        var owner = await _app.CreateShopperAsync();
        using var browser = _app.NewBrowser();

        var forNew = await RegisterAsync(browser, "brand.new@example.com");
        var forExisting = await RegisterAsync(browser, owner.Email);

        forExisting.Status.ShouldBe(forNew.Status);
        forExisting.Url.AbsolutePath.ShouldBe(forNew.Url.AbsolutePath);
        forExisting.Text.ShouldBe(forNew.Text);
        forExisting.Text.ShouldContain("Please check your email to confirm your account.");
        forExisting.Text.ShouldNotContain("taken", Case.Insensitive);

        var mail = (await _app.OutboxMailAsync()).Where(m => m.To == owner.Email).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Someone tried to register with your email address");
        mail.TextBody.ShouldContain("You already have an account, so no new one was created");
        mail.Actions.ShouldBe([
            new EmailAction("Sign in", "http://localhost:5080/Identity/Account/Login"),
            new EmailAction("Reset your password", "http://localhost:5080/Identity/Account/ForgotPassword"),
        ]);
        (await _app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == owner.Email.ToUpperInvariant()))).ShouldBe(1);
    }

    [Theory]
    [InlineData("short", "The Password must be at least 10 and at most 100 characters long.")]
    [InlineData("onlylowercase", "Passwords must have at least one digit ('0'-'9').")]
    public async Task AWeakPasswordIsRefusedTheSameWayForANewAndAnExistingAddress(string password, string message)
    {
        var owner = await _app.CreateShopperAsync();
        using var browser = _app.NewBrowser();

        var forNew = await RegisterAsync(browser, "another.new@example.com", password);
        var forExisting = await RegisterAsync(browser, owner.Email, password);

        forNew.Status.ShouldBe(HttpStatusCode.BadRequest);
        forExisting.Status.ShouldBe(forNew.Status);
        forExisting.Text.ShouldBe(forNew.Text);
        forExisting.Text.ShouldContain(message);
        (await _app.OutboxMailAsync()).ShouldBeEmpty();
    }

    private static async Task<WebPage> RegisterAsync(PortalBrowser browser, string email, string password = PortalApp.Password)
    {
        var register = await browser.GetAsync("/Identity/Account/Register");
        return await browser.SubmitAsync(register, "Register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
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
