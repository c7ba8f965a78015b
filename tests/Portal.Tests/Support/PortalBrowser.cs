using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Io;

namespace CancellationPortal.Portal.Tests.Support;

/// <summary>A page as the browser got it: status, final address and the parsed document.</summary>
public sealed record WebPage(HttpStatusCode Status, Uri Url, IHtmlDocument Document)
{
    public string Text => Document.Body?.TextContent ?? "";

    /// <summary>The form that holds the button with this text.</summary>
    public IHtmlFormElement FormWithButton(string buttonText) =>
        Document.Forms.SingleOrDefault(f => f.QuerySelectorAll("button").Any(b => b.TextContent.Trim() == buttonText))
        ?? throw new InvalidOperationException($"No form with a '{buttonText}' button on {Url}:\n{Text}");

    public bool HasButton(string buttonText) =>
        Document.QuerySelectorAll("button").Any(b => b.TextContent.Trim() == buttonText);
}

/// <summary>
/// Drives the Portal like a browser: keeps cookies, reads pages with AngleSharp and submits their real forms,
/// antiforgery token included.
/// </summary>
public sealed class PortalBrowser(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public async Task<WebPage> GetAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        return await ReadAsync(response);
    }

    /// <summary>Fills the fields by name (adding a choice to a list when a test needs a value it does not offer) and presses the button.</summary>
    public async Task<WebPage> SubmitAsync(WebPage page, string buttonText, IDictionary<string, string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.FormWithButton(buttonText);
        Fill(form, values);
        var button = (IHtmlElement)form.QuerySelectorAll("button").First(b => b.TextContent.Trim() == buttonText);
        using var request = ToHttpRequest(form.GetSubmission(button)!);
        using var response = await Client.SendAsync(request);
        return await ReadAsync(response);
    }

    /// <summary>Posts the form's fields as they are to a form, without going through the page (for replays).</summary>
    public async Task<WebPage> ReplayAsync(IHtmlFormElement form, string buttonText)
    {
        ArgumentNullException.ThrowIfNull(form);
        var button = (IHtmlElement)form.QuerySelectorAll("button").First(b => b.TextContent.Trim() == buttonText);
        using var request = ToHttpRequest(form.GetSubmission(button)!);
        using var response = await Client.SendAsync(request);
        return await ReadAsync(response);
    }

    public async Task<WebPage> SignInAsync(string email, string password)
    {
        var login = await GetAsync("/Identity/Account/Login");
        return await SubmitAsync(login, "Sign in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    public static void Fill(IHtmlFormElement form, IDictionary<string, string>? values)
    {
        ArgumentNullException.ThrowIfNull(form);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            var element = form.Elements.FirstOrDefault(e => e.GetAttribute("name") == name)
                ?? throw new InvalidOperationException($"The form has no field named {name}.");
            switch (element)
            {
                case IHtmlSelectElement select:
                    if (select.Options.All(o => o.Value != value))
                    {
                        var option = (IHtmlOptionElement)form.Owner!.CreateElement("option");
                        option.Value = value;
                        select.AddOption(option);
                    }

                    select.Value = value;
                    break;
                case IHtmlTextAreaElement textArea:
                    textArea.Value = value;
                    break;
                case IHtmlInputElement input:
                    input.Value = value;
                    break;
                default:
                    throw new InvalidOperationException($"Cannot fill {element.TagName} {name}.");
            }
        }
    }

    private static HttpRequestMessage ToHttpRequest(DocumentRequest submission)
    {
        var request = new HttpRequestMessage(new System.Net.Http.HttpMethod(submission.Method.ToString().ToUpperInvariant()), new Uri(submission.Target.Href));
        if (submission.Method == AngleSharp.Io.HttpMethod.Post)
        {
            var content = new StreamContent(submission.Body);
            foreach (var (name, value) in submission.Headers)
            {
                if (name.Equals(HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase))
                {
                    content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            request.Content = content;
        }

        return request;
    }

    private static async Task<WebPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var url = response.RequestMessage!.RequestUri!;
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address(url));
        return new WebPage(response.StatusCode, url, (IHtmlDocument)document);
    }

    public void Dispose() => Client.Dispose();
}
