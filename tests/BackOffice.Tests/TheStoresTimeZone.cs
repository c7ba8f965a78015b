using System.Globalization;
using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>An Admin sets the store's time zone; back-office times and report days follow it and name it.</summary>
public abstract class TheStoresTimeZone(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task BackOfficeTimesAreShownInTheZoneAnAdminSetAndSayWhichItIs()
    {
        var seeded = await App.SeedAsync();
        var requestedAt = (await App.RequestAsync(seeded.RequestId)).RequestedAt;
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        (await admin.GetPageAsync(seeded.Url)).Text.ShouldContain($"{requestedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");

        await SetZoneAsync(admin, "Europe/Berlin");
        try
        {
            // November: Berlin is an hour ahead of UTC.
            var page = await admin.GetPageAsync(seeded.Url);
            page.Text.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"{requestedAt.UtcDateTime.AddHours(1):yyyy-MM-dd HH:mm} Europe/Berlin"));
            (await admin.GetPageAsync("/Reports")).Document.QuerySelector("[data-testid=zone]")!.TextContent.ShouldBe("Europe/Berlin");
        }
        finally
        {
            await SetZoneAsync(admin, "UTC");
        }
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Central European Standard Time")]
    [InlineData("")]
    public async Task AZoneThatIsNoIanaNameIsRefusedBesideTheField(string zone)
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var settings = await admin.GetPageAsync("/Admin/Settings");

        var refused = await RefusedAsync(await admin.SubmitAsync(settings.Form(), new() { ["Input.TimeZone"] = zone }), HttpStatusCode.BadRequest);

        refused.Document.QuerySelector("[data-valmsg-for='Input.TimeZone']")!.TextContent.ShouldContain("time zone");
        await using var db = App.CreateContext();
        (await db.StoreSettings.SingleAsync()).TimeZone.ShouldBe("UTC");
    }

    private static async Task SetZoneAsync(HttpClient admin, string zone)
    {
        var settings = await admin.GetPageAsync("/Admin/Settings");
        (await admin.FollowAsync(await admin.SubmitAsync(settings.Form(), new() { ["Input.TimeZone"] = zone }))).Text.ShouldContain("Settings saved.");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TheStoresTimeZoneOnSqlite(SqliteBackOffice app) : TheStoresTimeZone(app);

[Collection(PostgresCollection.Name)]
public sealed class TheStoresTimeZoneOnPostgres(PostgresBackOffice app) : TheStoresTimeZone(app);
