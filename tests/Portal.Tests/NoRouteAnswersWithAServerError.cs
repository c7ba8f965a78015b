using System.Net;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Portal.Tests;

/// <summary>
/// Whatever anyone sends to any route of the portal, Identity's pages included (any method, an unknown or missing
/// handler, a real or a made-up order number), is answered with a page, a redirect or a 4xx, never a server error.
/// </summary>
public sealed class NoRouteAnswersWithAServerError() : SignedInShopperTest(Provider.Sqlite)
{
    [Fact]
    public async Task EveryRouteAnswersEveryMethodAndHandlerWithoutAServerError()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var urls = RouteWalker.Urls(App.Services, new Dictionary<string, string[]> { ["number"] = [order.Number, "nonsense"] });
        urls.ShouldContain($"/Account/Orders/{order.Number}");
        urls.ShouldContain("/Identity/Account/LoginWith2fa");

        using var anonymous = App.NewBrowser();
        var errors = await RouteWalker.ServerErrorsAsync(anonymous.Client, "anonymous", "/Identity/Account/Login", urls);
        errors.AddRange(await RouteWalker.ServerErrorsAsync(Browser.Client, "shopper", "/Account/Orders", urls));

        errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/Identity/Account/LoginWith2fa")]
    [InlineData("/Identity/Account/LoginWithRecoveryCode")]
    public async Task TheSecondSignInStepWithoutAFirstSendsToSignIn(string url)
    {
        using var anonymous = App.NewBrowser();

        var page = await anonymous.GetAsync(url);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Url.AbsolutePath.ShouldBe("/Identity/Account/Login");
    }

    [Fact]
    public async Task TheOrderPageAnswersAMissingOrUnknownHandlerAndOtherMethodsWithA4xx()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var url = $"/Account/Orders/{order.Number}";
        var token = (await OpenOrderAsync(order.Number)).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        async Task<HttpStatusCode> SendAsync(HttpMethod method, string target)
        {
            using var request = new HttpRequestMessage(method, target) { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) };
            return (await Browser.Client.SendAsync(request)).StatusCode;
        }

        (await SendAsync(HttpMethod.Post, url)).ShouldBe(HttpStatusCode.BadRequest);
        (await SendAsync(HttpMethod.Post, url + "?handler=Nope")).ShouldBe(HttpStatusCode.BadRequest);
        (await SendAsync(HttpMethod.Put, url)).ShouldBe(HttpStatusCode.MethodNotAllowed);
    }
}
