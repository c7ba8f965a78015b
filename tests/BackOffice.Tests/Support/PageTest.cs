using System.Net;
using CancellationPortal.Domain.Cancellations;

namespace CancellationPortal.BackOffice.Tests.Support;

/// <summary>Steps staff take on a request's page, shared by the page tests.</summary>
public abstract class PageTest(BackOfficeApp app)
{
    protected BackOfficeApp App { get; } = app;

    protected static Dictionary<string, string> Decision(
        string method = "StoreCredit",
        string reason = nameof(DecisionReason.CustomerRequest),
        string? amount = null,
        bool restock = true,
        bool notify = true,
        bool refundNow = true,
        string? keptReason = null)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Decision.Reason"] = reason,
            ["Input.Decision.Method"] = method,
            ["Input.Decision.Restock"] = restock ? "true" : "false",
            ["Input.Decision.NotifyShopper"] = notify ? "true" : "false",
            ["Input.Decision.RefundNow"] = refundNow ? "true" : "false",
            ["Input.Decision.StaffNote"] = "Checked with the warehouse",
        };
        if (amount is not null)
        {
            values["Input.Decision.Amount"] = amount;
        }

        if (keptReason is not null)
        {
            values["Input.Decision.KeptReason"] = keptReason;
        }

        return values;
    }

    /// <summary>The values as the confirmation step posts them again: confirmed, so the action is taken.</summary>
    protected static Dictionary<string, string> Confirmed(Dictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        values["Confirmed"] = "true";
        return values;
    }

    protected async Task<HttpClient> StaffAsync() => await App.SignInAsync(BackOfficeApp.Support);

    protected static async Task<HtmlPage> AcceptAsync(HttpClient client, Seeded seeded)
    {
        var page = await client.GetPageAsync(seeded.Url);
        return await client.FollowAsync(await client.SubmitAsync(page.Form("Accept")));
    }

    protected static async Task<HttpResponseMessage> CompleteAsync(HttpClient client, Seeded seeded, Dictionary<string, string> values)
    {
        var page = await client.GetPageAsync(seeded.Url);
        return await client.SubmitConfirmedAsync(page.Form("Complete"), values);
    }

    /// <summary>A refused post: the page again, with the message and a 4xx status.</summary>
    protected static async Task<HtmlPage> RefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var page = await Html.ReadAsync(response);
        page.Status.ShouldBe(status, page.Alert);
        return page;
    }
}
