using System.Net;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Portal.Tests.Accounts;

/// <summary>The page after registering answers the same for any address, so it cannot be used to probe who has an account.</summary>
public abstract class ConfirmationPagesTellNothingAboutAnAddress(Provider provider) : SignedInShopperTest(provider)
{
    [Fact]
    public async Task TheRegisterConfirmationPageAnswersAnUnknownAddressLikeAKnownOne()
    {
        using var anonymous = App.NewBrowser();

        var known = await anonymous.GetAsync($"/Identity/Account/RegisterConfirmation?email={Uri.EscapeDataString(Shopper.Email)}");
        var unknown = await anonymous.GetAsync("/Identity/Account/RegisterConfirmation?email=nobody-here%40example.com");

        known.Status.ShouldBe(HttpStatusCode.OK);
        unknown.Status.ShouldBe(HttpStatusCode.OK);
        unknown.Text.ShouldBe(known.Text);
        unknown.Text.ShouldContain("Please check your email to confirm your account.");
    }
}

public sealed class ConfirmationPagesTellNothingAboutAnAddressOnSqlite() : ConfirmationPagesTellNothingAboutAnAddress(Provider.Sqlite);
