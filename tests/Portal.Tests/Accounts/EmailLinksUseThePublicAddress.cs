using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Portal.Tests.Accounts;

/// <summary>
/// Links in account mail are built from Portal:PublicUrl, never from the Host header of the request that caused
/// the mail; and by default a request for any other host is refused before a page runs.
/// </summary>
public abstract class EmailLinksUseThePublicAddress(Provider provider) : IAsyncLifetime
{
    private const string PublicUrl = "https://shop.example";
    private const string Forged = "http://evil.example";

    private PortalApp _app = null!;

    public async Task InitializeAsync() => _app = await PortalApp.StartAsync(provider, new Dictionary<string, string>
    {
        ["Portal:PublicUrl"] = PublicUrl,

        // Every host is served here, as behind a proxy that passes any Host through: the links must still be safe.
        ["AllowedHosts"] = "*",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AForgedHostHeaderNeverReachesAPasswordResetLink()
    {
        var shopper = await _app.CreateShopperAsync();
        using var browser = _app.NewBrowser();

        var forgot = await browser.GetAsync($"{Forged}/Identity/Account/ForgotPassword");
        var sent = await browser.SubmitAsync(forgot, "Email me a reset link", new Dictionary<string, string> { ["Input.Email"] = shopper.Email });

        sent.Url.Host.ShouldBe("evil.example");
        sent.Text.ShouldContain("Please check your email to reset your password.");
        var links = Mail.LinksInEml((await _app.DeliverMailAsync()).ShouldHaveSingleItem());
        links.ShouldNotBeEmpty();
        links.ShouldAllBe(link => link.StartsWith(PublicUrl + "/Identity/Account/ResetPassword?code=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AForgedHostHeaderNeverReachesAConfirmationLink()
    {
        using var browser = _app.NewBrowser();
        const string email = "forged.host@example.com";

        var register = await browser.GetAsync($"{Forged}/Identity/Account/Register");
        await browser.SubmitAsync(register, "Register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = PortalApp.Password,
            ["Input.ConfirmPassword"] = PortalApp.Password,
        });
        var resend = await browser.GetAsync($"{Forged}/Identity/Account/ResendEmailConfirmation");
        await browser.SubmitAsync(resend, "Resend", new Dictionary<string, string> { ["Input.Email"] = email });

        var mails = await _app.DeliverMailAsync();
        mails.Length.ShouldBe(2);
        var links = mails.SelectMany(Mail.LinksInEml).ToList();
        links.ShouldNotBeEmpty();
        links.ShouldAllBe(link => link.StartsWith(PublicUrl + "/Identity/Account/ConfirmEmail?", StringComparison.Ordinal));
    }
}

public sealed class EmailLinksUseThePublicAddressOnSqlite() : EmailLinksUseThePublicAddress(Provider.Sqlite);

public sealed class EmailLinksUseThePublicAddressOnPostgres() : EmailLinksUseThePublicAddress(Provider.Postgres);
