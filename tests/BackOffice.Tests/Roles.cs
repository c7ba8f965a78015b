using System.Net;
using CancellationPortal.BackOffice.Tests.Support;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>Every back-office page, found from the app's own routes, refuses whoever is not staff.</summary>
[Collection(SqliteCollection.Name)]
public sealed class OnlyStaffReachTheBackOffice(SqliteBackOffice app)
{
    [Fact]
    public async Task TheRouteListCoversEveryPage()
    {
        var routes = await ProtectedRoutesAsync();

        routes.ShouldContain("/Requests");
        routes.Count(r => r.StartsWith("/Requests/", StringComparison.Ordinal) && Guid.TryParse(r.AsSpan("/Requests/".Length), out var _)).ShouldBe(1);
        routes.ShouldContain("/Orders/Cancel");
        routes.ShouldContain("/Orders");
        routes.ShouldContain(r => r.StartsWith("/Orders/", StringComparison.Ordinal) && char.IsDigit(r["/Orders/".Length]));
        routes.ShouldContain("/Admin/Staff");
        routes.ShouldContain("/Admin/Settings");
        routes.ShouldContain("/Reports");
        routes.ShouldNotContain("/Account/Login");
    }

    [Fact]
    public async Task AnAnonymousVisitorIsSentToSignInFromEveryPage()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var route in await ProtectedRoutesAsync())
        {
            foreach (var response in new[] { await client.GetAsync(route), await client.PostAsync(route, new FormUrlEncodedContent([])) })
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, route);
                response.Headers.Location!.ToString().ShouldContain("/Account/Login", customMessage: route);
            }
        }
    }

    [Fact]
    public async Task ASignedInShopperIsRefusedEveryPage()
    {
        var client = await app.ClientWithCookieForAsync(BackOfficeApp.Shopper);
        foreach (var route in await ProtectedRoutesAsync())
        {
            foreach (var response in new[] { await client.GetAsync(route), await client.PostAsync(route, new FormUrlEncodedContent([])) })
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, route);
                response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied", customMessage: route);
            }
        }
    }

    [Fact]
    public async Task TheSameCookieForStaffOpensThePagesSoTheRefusalIsAboutTheRole()
    {
        var client = await app.ClientWithCookieForAsync(BackOfficeApp.Admin);
        foreach (var route in await ProtectedRoutesAsync())
        {
            var response = await client.GetAsync(route);
            (response.Headers.Location?.ToString() ?? "").ShouldNotContain("/Account/", Case.Sensitive, route);
            ((int)response.StatusCode).ShouldBeLessThan(400, route);
        }
    }

    [Fact]
    public async Task SupportStaffAreRefusedTheAdminPages()
    {
        var client = await app.SignInAsync(BackOfficeApp.Support);
        foreach (var route in new[] { "/Admin/Staff", "/Admin/Settings" })
        {
            var response = await client.GetAsync(route);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, route);
            response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        }

        (await client.GetAsync("/Requests")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SupportStaffAreRefusedEveryReportAndDownloadWithA403SayingWhoTheyAreFor()
    {
        var client = await app.SignInAsync(BackOfficeApp.Support);
        foreach (var route in new[] { "/Reports", "/Reports?Period=LastMonth", "/Reports?handler=Export&table=refunded&format=csv", "/Reports?handler=Ledger&format=xlsx" })
        {
            var response = await client.GetAsync(route);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, route);
            response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
            var refusal = await client.GetPageAsync(response.Headers.Location!.ToString());
            refusal.Status.ShouldBe(HttpStatusCode.Forbidden, route);
            refusal.Text.ShouldContain("This page is for managers and admins.");
        }

        (await client.GetPageAsync("/Requests")).Document.QuerySelectorAll("nav a").Select(a => a.TextContent.Trim()).ShouldNotContain("Reports");
    }

    [Theory]
    [InlineData(BackOfficeApp.Manager)]
    [InlineData(BackOfficeApp.Admin)]
    public async Task ManagersAndAdminsOpenTheReportsFromTheNavigationAndDownloadThem(string email)
    {
        var client = await app.SignInAsync(email);

        var link = (await client.GetPageAsync("/Requests")).Document.QuerySelectorAll("nav a").Single(a => a.TextContent.Trim() == "Reports");
        var reports = await client.GetPageAsync(link.GetAttribute("href")!);

        reports.Status.ShouldBe(HttpStatusCode.OK);
        reports.Document.QuerySelector("nav a[aria-current=page]")!.TextContent.Trim().ShouldBe("Reports");
        (await client.GetAsync("/Reports?handler=Ledger&format=csv")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AShopperCannotSignInToTheBackOffice()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetPageAsync("/Account/Login");

        var response = await client.SubmitAsync(page.Form(), new() { ["Input.Email"] = BackOfficeApp.Shopper, ["Input.Password"] = BackOfficeApp.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ReadAsync(response)).Alert.ShouldContain("not a staff account");
    }

    private Task<List<string>> ProtectedRoutesAsync() => app.ProtectedPagesAsync();
}
