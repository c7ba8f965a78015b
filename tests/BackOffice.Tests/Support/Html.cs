using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CancellationPortal.BackOffice.Tests.Support;

/// <summary>A page as the browser got it: status code and parsed document.</summary>
public sealed record HtmlPage(HttpStatusCode Status, IDocument Document)
{
    public string Text => Document.Body?.TextContent ?? "";

    /// <summary>The form posting to a named page handler, or the page's only post form.</summary>
    public IHtmlFormElement Form(string? handler = null)
    {
        var forms = Document.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)
            && (handler is null || f.Action.Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase))).ToList();
        if (handler is null)
        {
            forms = [.. forms.Where(f => !f.Action.Contains("Logout", StringComparison.OrdinalIgnoreCase))];
        }

        return forms.Count > 0 ? forms[0] : throw new InvalidOperationException($"No form for handler '{handler}' on the page ({Status}): {Text}");
    }

    public bool HasForm(string handler) =>
        Document.Forms.Any(f => f.Action.Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase));

    public string Alert => Document.QuerySelector("[role=alert]")?.TextContent.Trim() ?? "";

    /// <summary>The confirmation step's form, when the page asks to confirm what was posted.</summary>
    public IHtmlFormElement? Confirmation => Document.QuerySelector("[data-testid=confirmation] form") as IHtmlFormElement;

    /// <summary>What the confirmation step says is about to happen.</summary>
    public string ConfirmationText => Document.QuerySelector("[data-testid=confirm-text]")?.TextContent.Trim() ?? "";
}

public static class Html
{
    private static readonly Uri TestHost = new("http://localhost");

    public static async Task<HtmlPage> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await ReadAsync(response);
    }

    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var address = response.RequestMessage!.RequestUri!;
        var document = await context.OpenAsync(r => r.Content(html).Address(new Uri(TestHost, address.IsAbsoluteUri ? address.PathAndQuery : address.OriginalString)));
        return new HtmlPage(response.StatusCode, document);
    }

    /// <summary>
    /// Submits a form as a browser would (its hidden fields, antiforgery token included), with some fields
    /// set to new values. A value replaces every field of that name, as ticking or unticking does.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, Dictionary<string, string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !input.IsDisabled && !string.IsNullOrEmpty(input.Name):
                    if ((input.Type is "checkbox" or "radio") && !input.IsChecked)
                    {
                        break;
                    }

                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !select.IsDisabled && !string.IsNullOrEmpty(select.Name):
                    var selected = select.SelectedOptions.FirstOrDefault() ?? select.Options.FirstOrDefault();
                    if (selected is not null)
                    {
                        fields.Add(new(select.Name!, selected.Value));
                    }

                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
            }
        }

        foreach (var (name, value) in values ?? [])
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var action = form.GetAttribute("action");
        return client.PostAsync(string.IsNullOrEmpty(action) ? new Uri(form.Owner!.Url).PathAndQuery : action, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Submits a form of an action that asks to be confirmed, and confirms it as staff do when the page shows
    /// what is about to happen. A refusal (no confirmation shown) is answered as it is.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitConfirmedAsync(this HttpClient client, IHtmlFormElement form, Dictionary<string, string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.SubmitAsync(form, values);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return response;
        }

        var page = await ReadAsync(response);
        return page.Confirmation is { } confirm
            ? await client.SubmitAsync(confirm, new() { ["Confirmed"] = "true" })
            : response;
    }

    /// <summary>Follows a post/redirect/get redirect.</summary>
    public static async Task<HtmlPage> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{response.RequestMessage!.RequestUri}: {(await ReadAsync(response)).Text}");
        return await client.GetPageAsync(response.Headers.Location!.ToString());
    }
}
