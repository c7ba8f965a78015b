using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Portal.Tests.Accounts;

/// <summary>The reset link goes out through the outbox; the new password works and the old one no longer does.</summary>
public abstract class ResettingAForgottenPassword(Provider provider) : IAsyncLifetime
{
    private PortalApp _app = null!;

    public async Task InitializeAsync() => _app = await PortalApp.StartAsync(provider);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheMailedLinkSetsANewPassword()
    {
        var shopper = await _app.CreateShopperAsync();
        using var browser = _app.NewBrowser();
        const string newPassword = "Brand-New-Secret-42";

        var forgot = await browser.GetAsync("/Identity/Account/ForgotPassword");
        var sent = await browser.SubmitAsync(forgot, "Email me a reset link", new Dictionary<string, string> { ["Input.Email"] = shopper.Email });
        sent.Text.ShouldContain("Please check your email to reset your password.");

        var mail = (await _app.OutboxMailAsync()).ShouldHaveSingleItem();
        mail.To.ShouldBe(shopper.Email);
        mail.Subject.ShouldBe("Reset your password");
        var reset = await browser.GetAsync(Mail.Link(mail));
        var done = await browser.SubmitAsync(reset, "Reset", new Dictionary<string, string>
        {
            ["Input.Email"] = shopper.Email,
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        done.Text.ShouldContain("Your password has been reset.");

        (await browser.SignInAsync(shopper.Email, PortalApp.Password)).Text.ShouldContain("Invalid login attempt.");
        (await browser.SignInAsync(shopper.Email, newPassword)).HasButton("Sign out").ShouldBeTrue();
    }

    [Fact]
    public async Task AnUnknownAddressGetsTheSameAnswerAndNoMail()
    {
        using var browser = _app.NewBrowser();
        var forgot = await browser.GetAsync("/Identity/Account/ForgotPassword");

        var sent = await browser.SubmitAsync(forgot, "Email me a reset link", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com" });

        sent.Text.ShouldContain("Please check your email to reset your password.");
        (await _app.OutboxMailAsync()).ShouldBeEmpty();
    }
}

public sealed class ResettingAForgottenPasswordOnSqlite() : ResettingAForgottenPassword(Provider.Sqlite);

public sealed class ResettingAForgottenPasswordOnPostgres() : ResettingAForgottenPassword(Provider.Postgres);
