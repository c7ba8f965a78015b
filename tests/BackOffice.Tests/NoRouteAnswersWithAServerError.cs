using System.Net;
using System.Text;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.TestSupport;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>
/// Whatever anyone sends to any route of the back-office (any method, an unknown or missing handler, a real or
/// a made-up id) is answered with a page or a 4xx, never a server error. Its own database: the walk posts to
/// every form it finds.
/// </summary>
public sealed class NoRouteAnswersWithAServerError(SqliteBackOffice app) : IClassFixture<SqliteBackOffice>
{
    [Fact]
    public async Task EveryRouteAnswersEveryMethodAndHandlerWithoutAServerError()
    {
        var seeded = await app.SeedAsync();
        var urls = RouteWalker.Urls(app.Services, new Dictionary<string, string[]>
        {
            ["id"] = [seeded.RequestId.ToString(), Guid.NewGuid().ToString(), "nonsense"],
        });
        urls.ShouldContain(seeded.Url);

        var errors = await RouteWalker.ServerErrorsAsync(app.CreateClient(new() { AllowAutoRedirect = false }), "anonymous", "/Account/Login", urls);
        foreach (var staff in new[] { BackOfficeApp.Support, BackOfficeApp.Manager, BackOfficeApp.Admin })
        {
            errors.AddRange(await RouteWalker.ServerErrorsAsync(await app.SignInAsync(staff), staff, "/Requests", urls));
        }

        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheRequestPageAnswersAMissingOrUnknownHandlerAndOtherMethodsWithA4xx()
    {
        var seeded = await app.SeedAsync();
        var client = await app.SignInAsync(BackOfficeApp.Support);
        var form = (await client.GetPageAsync(seeded.Url)).Form("Accept");
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)form.Elements["__RequestVerificationToken"]!).Value;

        async Task<HttpStatusCode> SendAsync(HttpMethod method, string url)
        {
            using var request = new HttpRequestMessage(method, url) { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) };
            return (await client.SendAsync(request)).StatusCode;
        }

        (await SendAsync(HttpMethod.Post, seeded.Url)).ShouldBe(HttpStatusCode.BadRequest);
        (await SendAsync(HttpMethod.Post, seeded.Url + "?handler=Nope")).ShouldBe(HttpStatusCode.BadRequest);
        (await SendAsync(HttpMethod.Put, seeded.Url)).ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await app.RequestAsync(seeded.RequestId)).Status.ShouldBe(Domain.Cancellations.CancellationStatus.Requested);
    }

    [Fact]
    public async Task TheStripeWebhookRefusesAJunkBodyWithA4xx()
    {
        var client = app.CreateClient();
        using var junk = new StringContent("{\"id\": \"evt_", Encoding.UTF8, "application/json");
        junk.Headers.Add("Stripe-Signature", "t=1,v1=nonsense");

        var response = await client.PostAsync("/webhooks/stripe", junk);

        ((int)response.StatusCode).ShouldBeInRange(400, 499);
    }
}
