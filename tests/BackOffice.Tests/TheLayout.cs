using CancellationPortal.BackOffice.Tests.Support;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>What every back-office page shares: the navigation, the top bar, and assets served by the app itself.</summary>
[Collection(SqliteCollection.Name)]
public sealed class TheLayout(SqliteBackOffice app) : PageTest(app)
{
    [Fact]
    public async Task SupportStaffSeeNoAdminItemsInTheNavigationAndAdminsSeeThem()
    {
        var support = await (await StaffAsync()).GetPageAsync("/");
        var admin = await (await App.SignInAsync(BackOfficeApp.Admin)).GetPageAsync("/");
        var manager = await (await App.SignInAsync(BackOfficeApp.Manager)).GetPageAsync("/");

        static List<string> Items(HtmlPage page) => [.. page.Document.QuerySelectorAll("nav[aria-label=Main] a").Select(a => a.GetAttribute("href")!)];
        Items(support).ShouldBe(["/", "/Requests", "/Orders"]);
        Items(manager).ShouldBe(["/", "/Requests", "/Orders", "/Reports"]);
        Items(admin).ShouldBe(["/", "/Requests", "/Orders", "/Reports", "/Admin/Staff", "/Admin/Emails", "/Admin/Settings", "/Integrations"]);
    }

    [Fact]
    public async Task TheQueueItemCountsTheRequestsWaitingAndMarksItselfCurrentOnARequest()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();

        var request = await client.GetPageAsync(seeded.Url);
        var queue = await client.GetPageAsync("/Requests");

        var item = request.Document.QuerySelector("nav[aria-label=Main] a[href='/Requests']")!;
        item.GetAttribute("aria-current").ShouldBe("page");
        var waiting = queue.Document.QuerySelector(".queue-tabs a[aria-current=page]")!.TextContent.Trim();
        waiting.ShouldBe($"Requested ({item.QuerySelector(".bo-count")!.TextContent.Replace(" waiting", "", StringComparison.Ordinal)})");
    }

    [Fact]
    public async Task EveryPageHasOneMainHeadingAndLandmarks()
    {
        var client = await App.SignInAsync(BackOfficeApp.Admin);
        foreach (var route in await PagesAsync())
        {
            var page = await client.GetPageAsync(route);
            page.Document.QuerySelectorAll("h1").Length.ShouldBe(1, route);
            page.Document.QuerySelectorAll("main").Length.ShouldBe(1, route);
            page.Document.QuerySelector("header").ShouldNotBeNull(route);
            page.Document.QuerySelector("nav[aria-label=Main]").ShouldNotBeNull(route);
        }
    }

    [Fact]
    public async Task NoPageReferencesAnotherHost()
    {
        var client = await App.SignInAsync(BackOfficeApp.Admin);
        var anonymous = App.CreateClient();
        var pages = new List<HtmlPage> { await anonymous.GetPageAsync("/Account/Login") };
        foreach (var route in await PagesAsync())
        {
            pages.Add(await client.GetPageAsync(route));
        }

        foreach (var page in pages)
        {
            var references = page.Document.QuerySelectorAll("[src], [href], [action]")
                .SelectMany(e => new[] { e.GetAttribute("src"), e.GetAttribute("href"), e.GetAttribute("action") })
                .OfType<string>()
                .ToList();
            references.ShouldNotBeEmpty(page.Document.Url);
            foreach (var reference in references)
            {
                var target = new Uri(new Uri(page.Document.Url), reference);
                // A shopper's address opens the mail client; a data: icon is part of the page itself.
                if (target.Scheme is "mailto" or "data")
                {
                    continue;
                }

                target.Host.ShouldBe("localhost", $"{page.Document.Url}: {reference}");
            }
        }
    }

    /// <summary>Every page staff open but signing out.</summary>
    private async Task<List<string>> PagesAsync() =>
        [.. (await App.ProtectedPagesAsync()).Where(r => !r.StartsWith("/Account/", StringComparison.Ordinal))];
}
