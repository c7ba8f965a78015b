using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Portal.Tests.Accounts;

/// <summary>
/// Every page the portal serves (from its own endpoint list, so a new page is checked too), signed in and signed
/// out, loads its styles, scripts and pictures from the portal and links nowhere else: no CDN, no scaffold article.
/// </summary>
public abstract class NoPageReferencesAnotherHost(Provider provider) : SignedInShopperTest(provider)
{
    private static readonly string[] AddressAttributes = ["href", "src", "srcset", "action", "formaction", "poster", "data"];

    [Fact]
    public async Task NoPageLoadsOrLinksToAnotherHost()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        using var anonymous = App.NewBrowser();
        var urls = RouteWalker.Urls(App.Services, new Dictionary<string, string[]> { ["number"] = [order.Number] })
            .Where(u => !u.Contains("logout", StringComparison.OrdinalIgnoreCase))
            .ToList();
        urls.ShouldContain("/Identity/Account/Login");

        var foreign = new List<string>();
        foreach (var url in urls)
        {
            foreach (var page in new[] { await Browser.GetAsync(url), await anonymous.GetAsync(url) })
            {
                foreign.AddRange(page.Document.All
                    .SelectMany(element => AddressAttributes.Select(name => (element, value: element.GetAttribute(name))))
                    .Where(a => a.value is not null && PointsElsewhere(a.value))
                    .Select(a => $"{url} (as {page.Url.AbsolutePath}): <{a.element.LocalName}> {a.value}"));
            }
        }

        foreign.ShouldBeEmpty(string.Join("\n", foreign.Distinct()));
    }

    /// <summary>An absolute or protocol-relative address on a host other than the portal's own.</summary>
    private static bool PointsElsewhere(string value)
    {
        var address = value.Trim();
        if (address.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        return Uri.TryCreate(address.Split(' ')[0], UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.Host != "localhost";
    }

    [Fact]
    public async Task TheValidationScriptsComeFromThePortal()
    {
        using var anonymous = App.NewBrowser();
        var login = await anonymous.GetAsync("/Identity/Account/Login");

        var scripts = login.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!.Split('?')[0]).ToList();

        scripts.ShouldBe(["/js/site.js", "/Identity/lib/jquery/dist/jquery.min.js", "/Identity/lib/jquery-validation/dist/jquery.validate.min.js", "/Identity/lib/jquery-validation-unobtrusive/dist/jquery.validate.unobtrusive.min.js"]);
        foreach (var script in scripts)
        {
            (await anonymous.Client.GetAsync(new Uri(script, UriKind.Relative))).IsSuccessStatusCode.ShouldBeTrue(script);
        }
    }
}

public sealed class NoPageReferencesAnotherHostOnSqlite() : NoPageReferencesAnotherHost(Provider.Sqlite);
