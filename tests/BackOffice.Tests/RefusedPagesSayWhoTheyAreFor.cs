using System.Net;
using CancellationPortal.BackOffice.Tests.Support;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>Staff refused a page meant for other staff are told who it is for, not that they are no staff.</summary>
[Collection(SqliteCollection.Name)]
public sealed class RefusedPagesSayWhoTheyAreFor(SqliteBackOffice app)
{
    [Theory]
    [InlineData(BackOfficeApp.Manager, "/Admin/Staff")]
    [InlineData(BackOfficeApp.Manager, "/Admin/Settings")]
    [InlineData(BackOfficeApp.Support, "/Admin/Settings")]
    public async Task StaffRefusedAnAdminPageAreToldItIsForAdmins(string email, string route)
    {
        var client = await app.SignInAsync(email);

        var response = await client.GetAsync(route);
        var page = await client.GetPageAsync(response.Headers.Location!.ToString());

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        page.Text.ShouldContain("This page is for admins.");
        page.Text.ShouldNotContain("no staff role");
        page.Document.QuerySelectorAll("a[href='/Requests']").ShouldContain(a => a.TextContent == "Back to the queue");
    }

    [Fact]
    public async Task AShopperIsToldTheBackOfficeIsForStaff()
    {
        var client = await app.ClientWithCookieForAsync(BackOfficeApp.Shopper);

        var response = await client.GetAsync("/Admin/Staff");
        var page = await client.GetPageAsync(response.Headers.Location!.ToString());

        page.Text.ShouldContain("Your account has no staff role for the back-office.");
        page.Text.ShouldNotContain("This page is for");
    }
}
