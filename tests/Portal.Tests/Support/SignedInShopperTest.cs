using CancellationPortal.TestSupport;

namespace CancellationPortal.Portal.Tests.Support;

/// <summary>A running Portal with one shopper signed in through the real login form.</summary>
public abstract class SignedInShopperTest(Provider provider) : IAsyncLifetime
{
    protected PortalApp App { get; private set; } = null!;
    protected PortalBrowser Browser { get; private set; } = null!;
    protected Shopper Shopper { get; private set; } = null!;

    /// <summary>Settings a test class needs on top of the defaults.</summary>
    protected virtual IDictionary<string, string>? Settings => null;

    public async Task InitializeAsync()
    {
        App = await PortalApp.StartAsync(provider, Settings);
        Shopper = await App.CreateShopperAsync();
        Browser = App.NewBrowser();
        var signedIn = await Browser.SignInAsync(Shopper.Email, PortalApp.Password);
        signedIn.HasButton("Sign out").ShouldBeTrue(signedIn.Text);
    }

    public async Task DisposeAsync()
    {
        Browser.Dispose();
        await App.DisposeAsync();
    }

    protected Task<WebPage> OpenOrderAsync(string number) => Browser.GetAsync($"/Account/Orders/{number}");

    /// <summary>Fills the request form and goes to the confirmation step.</summary>
    protected async Task<WebPage> StartRequestAsync(string number, string reason, string? comment = null)
    {
        var page = await OpenOrderAsync(number);
        return await Browser.SubmitAsync(page, "Request cancellation", new Dictionary<string, string>
        {
            ["Input.Reason"] = reason,
            ["Input.Comment"] = comment ?? "",
        });
    }
}
