using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.DemoData;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>The back-office on the demo store, whose demo accounts share the test password.</summary>
public sealed class DemoStoreBackOffice() : BackOfficeApp(Provider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Password", Password);
    }
}

/// <summary>
/// Staff read names and amounts with their currency, never codes: the queue's tabs and every request page and
/// order of the demo store (orders and requests in every state), plus a request decided with a partial refund.
/// </summary>
public sealed class PagesShowNamesAndAmountsNotCodes(DemoStoreBackOffice app) : PageTest(app), IClassFixture<DemoStoreBackOffice>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NoPageOfTheDemoStoreShowsACodeOrAnAmountWithoutItsCurrency()
    {
        var decided = await App.SeedAsync(currency: "JPY");
        var client = await App.SignInAsync(DemoSeeder.DemoAccounts[1].Email);
        await AcceptAsync(client, decided);
        await client.FollowAsync(await CompleteAsync(client, decided, Decision("BankTransfer", amount: "50", keptReason: "Engraved to order")));
        await using var db = App.CreateContext();
        var requests = await db.CancellationRequests.AsNoTracking().Select(r => r.Id).ToListAsync();
        var orders = await db.Orders.AsNoTracking().Select(o => o.Number).ToListAsync();
        var urls = QueueTabs()
            .Concat(requests.Select(id => $"/Requests/{id}"))
            .Concat(orders.Select(number => $"/Orders/Cancel?number={number}"))
            .ToList();

        var problems = new List<string>();
        foreach (var url in urls)
        {
            var page = await client.GetPageAsync(url);
            page.Status.ShouldBe(System.Net.HttpStatusCode.OK, url);
            problems.AddRange(ScreenText.Problems(page.Text).Select(p => $"{url}: {p}"));
        }

        requests.Count.ShouldBeGreaterThan(Enum.GetValues<CancellationStatus>().Length);
        problems.ShouldBeEmpty();
    }

    private static IEnumerable<string> QueueTabs() =>
        Domain.Queue.CancellationQueue.Tabs.Select(status => $"/Requests?status={status}");
}
