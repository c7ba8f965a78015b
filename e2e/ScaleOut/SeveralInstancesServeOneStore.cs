using System.Net;
using System.Text.RegularExpressions;
using CancellationPortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CancellationPortal.E2E.ScaleOut;

/// <summary>
/// Any number of instances of each app can serve one store from one PostgreSQL database: migrations run once, a
/// sign-in and a form issued by one instance are accepted by the other, and work the back-office does in the
/// background (emails, refunds) is done once however many instances run it.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed partial class SeveralInstancesServeOneStore(TwoInstancesOfEachApp store)
{
    [Fact]
    public async Task FourInstancesStartingAtOnceOnAnEmptyDatabaseMigrateItOnce()
    {
        var scripts = Directory.GetFiles(Path.Combine(SiteMap.RepositoryRoot, "src", "Domain", "Persistence", "Migrations", "Postgres"), "*.sql")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        await using var connection = new NpgsqlConnection(store.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Version\" FROM \"__SchemaMigrations\" ORDER BY \"Version\"", connection);
        var applied = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                applied.Add(reader.GetString(0));
            }
        }

        applied.ShouldBe(scripts!, "each script recorded once, by whichever instance took the lock");
        store.Portals.Concat(store.BackOffices).ShouldAllBe(h => !h.Log.Contains("fail:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AShopperSignsInAndRequestsACancellationWhileRequestsAlternateBetweenInstances()
    {
        using var shopper = new ProxyClient(store.Nginx.Portal);
        var signIn = await shopper.GetAsync("/Identity/Account/Login");
        var signedIn = await shopper.PostAsync("/Identity/Account/Login", signIn.Body, new Dictionary<string, string>
        {
            ["Input.Email"] = "shopper@example.com",
            ["Input.Password"] = TwoInstancesOfEachApp.DemoPassword,
        });
        signedIn.Status.ShouldBe(HttpStatusCode.Redirect, "the sign-in form of one instance is accepted by the other");

        var orders = await shopper.GetAsync("/Account/Orders");
        orders.Status.ShouldBe(HttpStatusCode.OK);
        var (number, page) = await FirstCancelableOrderAsync(shopper, orders.Body);
        var requested = await shopper.PostAsync($"/Account/Orders/{number}?handler=Confirm", page, new Dictionary<string, string>
        {
            ["Input.Reason"] = "ChangedMind",
            ["Input.Comment"] = "Asked through the second instance.",
        });
        requested.Status.ShouldBe(HttpStatusCode.Redirect, requested.Body);
        var after = await shopper.GetAsync($"/Account/Orders/{number}");

        after.Body.ShouldContain("Cancellation requested");
        shopper.Upstreams.Distinct().Count().ShouldBe(2, "nginx sent the shopper's requests to both portal instances: " + string.Join(", ", shopper.Upstreams));
    }

    [Fact]
    public async Task SupportCancelsOrdersWhileBothBackOfficesDeliverTheOutboxAndEachEmailAndRefundHappensOnce()
    {
        using var support = new ProxyClient(store.Nginx.BackOffice);
        var signIn = await support.GetAsync("/Account/Login");
        (await support.PostAsync("/Account/Login", signIn.Body, new Dictionary<string, string>
        {
            ["Input.Email"] = "support@example.com",
            ["Input.Password"] = TwoInstancesOfEachApp.DemoPassword,
        })).Status.ShouldBe(HttpStatusCode.Redirect);

        var queue = await support.GetAsync("/Requests");
        var completed = new List<Guid>();
        foreach (var id in RequestLink().Matches(queue.Body).Select(m => Guid.Parse(m.Groups["id"].Value)).Distinct().Take(4))
        {
            if (await CancelAsync(support, id))
            {
                completed.Add(id);
            }
        }

        completed.Count.ShouldBeGreaterThanOrEqualTo(2, "support canceled orders through nginx");
        support.Upstreams.Distinct().Count().ShouldBe(2, "both back-office instances served support");
        await using var db = store.Database.CreateContext();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await db.Outbox.AnyAsync(m => m.Status == OutboxStatus.Pending) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(300);
        }

        (await db.Outbox.CountAsync(m => m.Status != OutboxStatus.Sent)).ShouldBe(0, "both dispatchers emptied the outbox");
        var sent = await db.Outbox.CountAsync(m => m.Kind == EmailMessage.OutboxKind);
        Directory.GetFiles(store.MailFolder, "*.eml").Length.ShouldBe(sent, "each email is in the pickup folder once");
        foreach (var id in completed)
        {
            (await db.Refunds.CountAsync(r => r.RequestId == id)).ShouldBeLessThanOrEqualTo(1, "a refund is made once");
        }
    }

    /// <summary>Accepts a request and cancels its order refunding everything in store credit; false when the policy refuses.</summary>
    private static async Task<bool> CancelAsync(ProxyClient support, Guid id)
    {
        var page = await support.GetAsync($"/Requests/{id}");
        var accepted = await support.PostAsync($"/Requests/{id}?handler=Accept", page.Body, new Dictionary<string, string>
        {
            ["Input.Version"] = ProxyClient.HiddenValue(page.Body, "Input.Version")!,
        });
        if (accepted.Status != HttpStatusCode.Redirect)
        {
            return false;
        }

        page = await support.GetAsync($"/Requests/{id}");
        var canceled = await support.PostAsync($"/Requests/{id}?handler=Complete", page.Body, new Dictionary<string, string>
        {
            ["Input.Version"] = ProxyClient.HiddenValue(page.Body, "Input.Version")!,
            ["Input.Decision.Reason"] = "CustomerRequest",
            ["Input.Decision.Method"] = "StoreCredit",
            ["Input.Decision.RefundNow"] = "true",
            ["Input.Decision.Restock"] = "true",
            ["Input.Decision.NotifyShopper"] = "true",
            ["Confirmed"] = "true",
        });
        return canceled.Status == HttpStatusCode.Redirect;
    }

    private static async Task<(string Number, string Page)> FirstCancelableOrderAsync(ProxyClient shopper, string orders)
    {
        foreach (var number in OrderLink().Matches(orders).Select(m => m.Groups["number"].Value).Distinct())
        {
            var page = await shopper.GetAsync($"/Account/Orders/{number}");
            if (page.Body.Contains("handler=Request", StringComparison.Ordinal))
            {
                return (number, page.Body);
            }
        }

        throw new InvalidOperationException("The demo shopper has no order left to cancel.");
    }

    [GeneratedRegex("href=\"/Account/Orders/(?<number>[0-9]+)\"")]
    private static partial Regex OrderLink();

    [GeneratedRegex("href=\"/Requests/(?<id>[0-9a-f-]{36})\"")]
    private static partial Regex RequestLink();
}
