using System.Net;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Portal.Tests.Accounts;

/// <summary>Shoppers sign in with their email and password: the package's pages for other services' sign-ins are not there.</summary>
public abstract class OnlyEmailAndPasswordSignInsAreOffered(Provider provider) : SignedInShopperTest(provider)
{
    [Theory]
    [InlineData("/Identity/Account/Manage/ExternalLogins")]
    [InlineData("/Identity/Account/ExternalLogin")]
    public async Task ThePagesForSigningInThroughAnotherServiceAreNotFound(string page)
    {
        (await Browser.GetAsync(page)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AccountSettingsOfferNoOtherServices()
    {
        var settings = await Browser.GetAsync("/Identity/Account/Manage");

        settings.Status.ShouldBe(HttpStatusCode.OK);
        settings.Text.ShouldNotContain("External logins");
        settings.Document.QuerySelectorAll("a[href*='ExternalLogin']").ShouldBeEmpty();
    }
}

public sealed class OnlyEmailAndPasswordSignInsAreOfferedOnSqlite() : OnlyEmailAndPasswordSignInsAreOffered(Provider.Sqlite);
