using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Stripe.Tests;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>
/// Completing a card cancellation through the form, against a fake Stripe that answers with another amount or
/// currency than it was asked for: the refund is not settled, the request page says why, and support is mailed.
/// </summary>
public abstract class ACardRefundStripeReportsDifferentlyIsHeldForStaff(BackOfficeApp app) : StripePageTest(app)
{
    [Theory]
    [InlineData(6400L, null, "EUR 64.00")]
    [InlineData(null, "USD", "USD 65.00")]
    public async Task TheRequestPageShowsWhyTheRefundIsNotSettledAndSupportIsMailed(long? reportedAmount, string? reportedCurrency, string reported)
    {
        var charge = Stripe.AddCharge(6500, "EUR");
        charge.ReportRefundsAs(reportedAmount, reportedCurrency);
        var seeded = await App.SeedAsync(PaymentMethod.Card, paymentReference: charge.PaymentIntentId);
        var sue = await BackOfficeApp.SignInAsync(Host, BackOfficeApp.Support);
        var page = await AcceptAsync(sue, seeded);

        var completed = await sue.FollowAsync(await sue.SubmitConfirmedAsync(page.Form("Complete"), Decision("OriginalPayment")));

        completed.Text.ShouldContain($"The payment provider reports a refund of {reported} instead of the EUR 65.00 asked for, so it is not settled.");
        var refund = (await App.RefundsAsync(seeded.RequestId)).ShouldHaveSingleItem();
        refund.Status.ShouldBe(RefundStatus.Pending);
        refund.ProviderReference.ShouldBe(Stripe.Refunds.ShouldHaveSingleItem().Id);
        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.InProgress);
        request.AuditEntries.ShouldContain(a => a.Kind == AuditKind.CardRefundAmountDiffers);
        await using var db = App.CreateContext();
        var mails = (await db.Outbox.ToListAsync()).Select(m => EmailMessage.FromJson(m.Payload));
        mails.ShouldContain(m => m.To == new EmailOptions().SupportAddress && m.Subject == $"Card refund amount differs for order {request.Order.Number}");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ACardRefundStripeReportsDifferentlyIsHeldForStaffOnSqlite(SqliteBackOffice app) : ACardRefundStripeReportsDifferentlyIsHeldForStaff(app);

[Collection(PostgresCollection.Name)]
public sealed class ACardRefundStripeReportsDifferentlyIsHeldForStaffOnPostgres(PostgresBackOffice app) : ACardRefundStripeReportsDifferentlyIsHeldForStaff(app);
