using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Refunds.Stripe;
using CancellationPortal.Stripe.Tests;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>
/// The same "Complete cancellation" form of a card-paid request, posted 50 times at once (a double-clicking
/// agent, a retrying proxy): the card is paid back once, through Stripe.net to the Stripe fake.
/// </summary>
public abstract class CompletingACardCancellationManyTimesAtOnce(BackOfficeApp app) : StripePageTest(app)
{
    private const int Posts = 50;

    [Fact]
    public async Task FiftyPostsOfTheFormRefundTheCardOnceAndTellEveryOtherPostWhoChangedTheRequest()
    {
        var charge = Stripe.AddCharge(6500, "EUR");
        var seeded = await App.SeedAsync(PaymentMethod.Card, paymentReference: charge.PaymentIntentId);
        var sue = await BackOfficeApp.SignInAsync(Host, BackOfficeApp.Support);
        var page = await AcceptAsync(sue, seeded);
        page.Text.ShouldContain("through Stripe");
        var form = page.Form("Complete");

        // One page, so one antiforgery token and one version for every post; the amount is left empty: all of it.
        var responses = await Task.WhenAll(Enumerable.Range(0, Posts).Select(_ => sue.SubmitAsync(form, Confirmed(Decision("OriginalPayment")))));

        var statuses = string.Join(", ", responses.GroupBy(r => r.StatusCode).Select(g => $"{g.Count()} × {(int)g.Key}"));
        responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1, statuses);
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            var loser = await Html.ReadAsync(response);
            loser.Status.ShouldBe(HttpStatusCode.Conflict, statuses);
            loser.Alert.ShouldContain($"This request was changed by {BackOfficeApp.Support} at");
        }

        var refund = (await App.RefundsAsync(seeded.RequestId)).ShouldHaveSingleItem();
        refund.Method.ShouldBe(RefundMethod.OriginalPayment);
        refund.Amount.ShouldBe(65m);
        refund.Status.ShouldBe(RefundStatus.Succeeded);

        // Stripe was asked once, under the row's id, and paid once.
        var key = refund.Id.ToString("D");
        Stripe.RefundPosts.GroupBy(p => p.IdempotencyKey).ShouldHaveSingleItem().Key.ShouldBe(key);
        Stripe.RefundPosts.ShouldHaveSingleItem();
        var paid = Stripe.Refunds.ShouldHaveSingleItem();
        paid.IdempotencyKey.ShouldBe(key);
        paid.Metadata[StripeClient.RefundIdMetadataKey].ShouldBe(key);
        paid.Amount.ShouldBe(6500);
        refund.ProviderReference.ShouldBe(paid.Id);
        charge.AmountRefunded.ShouldBe(6500);

        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.Canceled);
        request.AuditEntries.Count(a => a.Kind == AuditKind.CardRefundStarted).ShouldBe(1);
        request.AuditEntries.Count(a => a.Kind == AuditKind.CardRefundSucceeded).ShouldBe(1);
        await using var db = App.CreateContext();
        (await db.CreditNotes.CountAsync(c => c.RequestId == seeded.RequestId)).ShouldBe(1);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CompletingACardCancellationManyTimesAtOnceOnSqlite(SqliteBackOffice app) : CompletingACardCancellationManyTimesAtOnce(app);

[Collection(PostgresCollection.Name)]
public sealed class CompletingACardCancellationManyTimesAtOnceOnPostgres(PostgresBackOffice app) : CompletingACardCancellationManyTimesAtOnce(app);
