using AngleSharp.Html.Dom;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;

namespace CancellationPortal.BackOffice.Tests;

public abstract class TheDecisionFormOffersOnlyWhatCanBeDone(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task AnOrderInAnotherCurrencyThanThePointsIsNotOfferedPoints()
    {
        var seeded = await App.SeedAsync(currency: "JPY");
        var client = await StaffAsync();

        var page = await AcceptAsync(client, seeded);

        Methods(page).ShouldNotContain("Points");
        Methods(page).ShouldContain("StoreCredit");
    }

    [Fact]
    public async Task AnOrderInThePointsCurrencyIsOfferedPoints()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();

        var page = await AcceptAsync(client, seeded);

        Methods(page).ShouldContain("Points");
    }

    [Fact]
    public async Task ACashOnDeliveryOrderWithNothingPaidIsCanceledWithoutARefundMethod()
    {
        var seeded = await App.SeedAsync(PaymentMethod.CashOnDelivery, paid: 0m);
        var client = await StaffAsync();
        var page = await AcceptAsync(client, seeded);

        Methods(page).ShouldBeEmpty();
        page.Document.QuerySelector("[data-testid=no-refund]")!.TextContent.ShouldContain("Nothing was paid in money");
        var values = Decision();
        values.Remove("Input.Decision.Method");

        await client.FollowAsync(await CompleteAsync(client, seeded, values));

        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.Canceled);
        request.Decision!.RefundMethod.ShouldBeNull();
        (await App.RefundsAsync(seeded.RequestId)).ShouldBeEmpty();
    }

    private static List<string> Methods(HtmlPage page) =>
        [.. page.Form("Complete").QuerySelectorAll("input[type=radio][name='Input.Decision.Method']").OfType<IHtmlInputElement>().Select(i => i.Value)];
}

[Collection(SqliteCollection.Name)]
public sealed class TheDecisionFormOffersOnlyWhatCanBeDoneOnSqlite(SqliteBackOffice app) : TheDecisionFormOffersOnlyWhatCanBeDone(app);

[Collection(PostgresCollection.Name)]
public sealed class TheDecisionFormOffersOnlyWhatCanBeDoneOnPostgres(PostgresBackOffice app) : TheDecisionFormOffersOnlyWhatCanBeDone(app);
