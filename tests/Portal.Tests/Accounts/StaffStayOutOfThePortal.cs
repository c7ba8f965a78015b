using CancellationPortal.Domain.Identity;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Accounts;

/// <summary>
/// The portal signs in shoppers only. A staff account gets the answer of a wrong password, and its failed portal
/// sign-ins are counted nowhere, so nobody can lock staff out of the back-office from the portal.
/// </summary>
public abstract class StaffStayOutOfThePortal(Provider provider) : IAsyncLifetime
{
    private PortalApp _app = null!;

    public async Task InitializeAsync() => _app = await PortalApp.StartAsync(provider);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SupportWithTheRightPasswordCannotOpenMyOrders()
    {
        var support = await _app.CreateStaffAsync(Roles.Support);
        using var browser = _app.NewBrowser();

        var answer = await browser.SignInAsync(support.Email, PortalApp.Password);

        answer.Text.ShouldContain("Invalid login attempt.");
        answer.HasButton("Sign out").ShouldBeFalse();
        (await browser.GetAsync("/Account/Orders")).Url.AbsolutePath.ShouldBe("/Identity/Account/Login");
    }

    [Fact]
    public async Task FiveWrongPortalPasswordsLeaveAManagerFreeToSignInToTheBackOffice()
    {
        var manager = await _app.CreateStaffAsync(Roles.Manager);
        using var browser = _app.NewBrowser();

        for (var i = 0; i < 5; i++)
        {
            (await browser.SignInAsync(manager.Email, "wrong-password-123")).Text.ShouldContain("Invalid login attempt.");
        }

        // What the back-office's sign-in checks besides the password: nothing was counted and nothing is locked.
        var user = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == manager.Id));
        user.AccessFailedCount.ShouldBe(0);
        user.LockoutEnd.ShouldBeNull();
    }

    [Fact]
    public async Task StaffUnknownAddressesAndWrongPasswordsGetTheSameAnswer()
    {
        var shopper = await _app.CreateShopperAsync();
        var support = await _app.CreateStaffAsync(Roles.Support);
        var lockedManager = await _app.CreateStaffAsync(Roles.Manager);
        await _app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == lockedManager.Id);
            user.LockoutEnd = DateTimeOffset.UtcNow.AddHours(1);
            await db.SaveChangesAsync();
        });
        using var browser = _app.NewBrowser();

        var answers = new[]
        {
            await browser.SignInAsync(shopper.Email, "wrong-password-123"),
            await browser.SignInAsync("nobody.here@example.com", PortalApp.Password),
            await browser.SignInAsync(support.Email, PortalApp.Password),
            await browser.SignInAsync(lockedManager.Email, PortalApp.Password),
        };

        answers.Select(a => (a.Status, a.Url.AbsolutePath, Alert(a))).Distinct().ShouldHaveSingleItem()
            .ShouldBe((System.Net.HttpStatusCode.OK, "/Identity/Account/Login", "Invalid login attempt."));
    }

    private static string Alert(WebPage page) => page.Document.QuerySelector("[role=alert]")?.TextContent.Trim() ?? "";
}

public sealed class StaffStayOutOfThePortalOnSqlite() : StaffStayOutOfThePortal(Provider.Sqlite);

public sealed class StaffStayOutOfThePortalOnPostgres() : StaffStayOutOfThePortal(Provider.Postgres);
