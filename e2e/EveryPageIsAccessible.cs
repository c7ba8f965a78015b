using CancellationPortal.E2E.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CancellationPortal.E2E;

/// <summary>
/// Opens every page of both apps, on a laptop and on a phone, as the person it is for and with the demo store's data:
/// each must pass axe-core without a serious or critical violation, load nothing from another host, and leaves a
/// screenshot under e2e/screenshots/ for anyone to look at the product without running it.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class EveryPageIsAccessible(StoreFixture store, ITestOutputHelper output) : BrowserTest(store)
{
    public static TheoryData<string, string> Sweeps => new()
    {
        { "Portal", "desktop" },
        { "Portal", "phone" },
        { "BackOffice", "desktop" },
        { "BackOffice", "phone" },
    };

    [Theory]
    [MemberData(nameof(Sweeps))]
    public async Task EveryPagePassesAxeAndLoadsNothingFromAnotherHost(string app, string viewport)
    {
        var host = app == "Portal" ? Store.Portal : Store.BackOffice;
        var pages = SiteMap.Pages(app, await StoreData.DemoRouteValuesAsync(Store));
        var (width, height) = viewport == "phone" ? (390, 844) : (1280, 800);
        var anonymous = await NewPageAsync(width, height);
        var signedIn = await NewPageAsync(width, height);
        await SignInAsync(app, signedIn);
        var foreign = new List<string>();
        foreach (var page in new[] { anonymous, signedIn })
        {
            page.Request += (_, request) =>
            {
                if (new Uri(request.Url) is { Scheme: "http" or "https" } url && url.Authority != host.BaseUrl.Authority)
                {
                    foreign.Add($"{page.Url} loads {request.Url}");
                }
            };
        }

        var failures = new List<string>();
        var folder = Directory.CreateDirectory(Path.Combine(SiteMap.RepositoryRoot, "e2e", "screenshots")).FullName;
        foreach (var sitePage in pages)
        {
            var page = sitePage.Visitor == Visitor.SignedIn ? signedIn : anonymous;
            await page.GotoAsync(new Uri(host.BaseUrl, sitePage.Url).ToString());
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{ScreenshotName(sitePage)}-{viewport}.png"), FullPage = true });
            var violations = await Axe.SeriousViolationsAsync(page);
            if (violations.Count == 0)
            {
                continue;
            }

            failures.Add($"{app} {sitePage.Route} ({viewport}, at {page.Url}):\n    " + string.Join("\n    ", violations));
        }

        output.WriteLine($"{pages.Count} pages of {app} checked on a {viewport}; screenshots in {folder}.");

        foreign.ShouldBeEmpty(string.Join("\n", foreign));
        failures.ShouldBeEmpty($"{failures.Count} of {pages.Count} pages have serious or critical axe violations:\n" + string.Join("\n", failures));
    }

    private async Task SignInAsync(string app, IPage page)
    {
        if (app == "Portal")
        {
            await new PortalAccountPages(page, Store.Portal.BaseUrl).SignInAsync("shopper@example.com", StoreFixture.DemoPassword);
            return;
        }

        var signIn = new BackOfficeSignInPage(page, Store.BackOffice.BaseUrl);
        await signIn.OpenAsync();
        await signIn.SignInAsync("admin@example.com", StoreFixture.DemoPassword);
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>portal-identity-account-login, backoffice-requests-id, portal-home.</summary>
    private static string ScreenshotName(SitePage page)
    {
        var route = page.Route.Trim('/').Replace('/', '-').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
        route = route.Split(':')[0];
        return $"{page.App}-{(route.Length == 0 ? "home" : route)}".ToLowerInvariant();
    }
}
