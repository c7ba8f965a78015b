using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>An Admin sets the portal's name, logo and brand colour under Settings; what the portal cannot show well is refused.</summary>
public abstract class AdminBrandsThePortal(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task AnAdminSetsTheStoreNameLogoAndBrandColour()
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var settings = await admin.GetPageAsync("/Admin/Settings");
        try
        {
            var saved = await admin.FollowAsync(await admin.SubmitAsync(settings.Form(), new()
            {
                ["Input.StoreName"] = "  Teapots & Co  ",
                ["Input.LogoUrl"] = "https://cdn.teapots.example/logo.svg",
                ["Input.BrandColor"] = "#7A1F3D",
            }));

            saved.Text.ShouldContain("Settings saved.");
            await using var db = App.CreateContext();
            var stored = await db.StoreSettings.AsNoTracking().SingleAsync();
            (stored.StoreName, stored.LogoUrl, stored.BrandColor).ShouldBe(("Teapots & Co", "https://cdn.teapots.example/logo.svg", "#7a1f3d"));
        }
        finally
        {
            settings = await admin.GetPageAsync("/Admin/Settings");
            await admin.FollowAsync(await admin.SubmitAsync(settings.Form(), new()
            {
                ["Input.StoreName"] = StoreBranding.DefaultStoreName,
                ["Input.LogoUrl"] = "",
                ["Input.BrandColor"] = StoreBranding.DefaultBrandColor,
            }));
        }
    }

    [Theory]
    [InlineData("http://shop.example/logo.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/logo.png")]
    [InlineData("logo.png")]
    public async Task ALogoThatIsNeitherHttpsNorOnThePortalIsRefused(string logo)
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var settings = await admin.GetPageAsync("/Admin/Settings");

        var refused = await RefusedAsync(await admin.SubmitAsync(settings.Form(), new() { ["Input.LogoUrl"] = logo }), HttpStatusCode.BadRequest);

        refused.Text.ShouldContain("The logo must be an https:// address or a path on the portal starting with /");
        await using var db = App.CreateContext();
        (await db.StoreSettings.AsNoTracking().SingleAsync()).LogoUrl.ShouldBeNull();
    }

    [Theory]
    [InlineData("#ffcc00", "White text on #ffcc00 has a contrast of only 1.5:1; it needs at least 4.5:1 to be readable. Choose a darker colour.")]
    [InlineData("#777777", "White text on #777777 has a contrast of only 4.4:1")]
    [InlineData("red", "The brand colour must be written as # and six hexadecimal digits")]
    [InlineData("#12345", "The brand colour must be written as # and six hexadecimal digits")]
    public async Task ABrandColourWhiteTextCannotBeReadOnIsRefused(string color, string message)
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var settings = await admin.GetPageAsync("/Admin/Settings");

        var refused = await RefusedAsync(await admin.SubmitAsync(settings.Form(), new() { ["Input.BrandColor"] = color }), HttpStatusCode.BadRequest);

        refused.Text.ShouldContain(message);
        await using var db = App.CreateContext();
        (await db.StoreSettings.AsNoTracking().SingleAsync()).BrandColor.ShouldBe(StoreBranding.DefaultBrandColor);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AdminBrandsThePortalOnSqlite(SqliteBackOffice app) : AdminBrandsThePortal(app);

[Collection(PostgresCollection.Name)]
public sealed class AdminBrandsThePortalOnPostgres(PostgresBackOffice app) : AdminBrandsThePortal(app);
