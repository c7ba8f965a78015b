using System.Net;

namespace CancellationPortal.E2E;

[Collection(StoreCollection.Name)]
public sealed class HealthAndErrorPageTests(StoreFixture store) : BrowserTest(store)
{
    public static TheoryData<string> Apps => ["Portal", "BackOffice"];

    [Theory]
    [MemberData(nameof(Apps))]
    public async Task HealthzReportsAHealthyDatabase(string app)
    {
        using var http = new HttpClient { BaseAddress = Host(app).BaseUrl };

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task AnUnknownAddressShowsAFriendlyNotFoundPage()
    {
        var page = await NewPageAsync();

        var response = await page.GotoAsync(new Uri(Store.Portal.BaseUrl, "/no-such-page").ToString());

        response!.Status.ShouldBe(404);
        (await page.InnerTextAsync("main")).ShouldContain("Page not found");
    }

    private AppHost Host(string app) => app == "Portal" ? Store.Portal : Store.BackOffice;
}
