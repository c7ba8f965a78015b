using System.Globalization;
using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Invoicing;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>
/// The credit note reverses the whole invoice of a canceled order; what the store kept of the payment is
/// billed again on a cancellation-fee invoice with the next number of its gap-free series, so the books show it.
/// </summary>
public abstract class InvoicingWhatTheStoreKept(BackOfficeApp app) : PageTest(app)
{
    private const string Reason = "Restocking fee";

    [Fact]
    public async Task APartialRefundWithAKeptAmountReversesTheWholeInvoiceAndInvoicesTheKeptAmountWithTheNextNumber()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        var next = await NextFeeNumberAsync();

        var page = await client.FollowAsync(await CompleteAsync(client, seeded, Decision("StoreCredit", amount: "32.64", keptReason: Reason)));

        await using var db = App.CreateContext();
        var note = await db.CreditNotes.SingleAsync(c => c.RequestId == seeded.RequestId);
        note.Amount.ShouldBe(65m);
        var fee = await db.CancellationFeeInvoices.SingleAsync(f => f.RequestId == seeded.RequestId);
        fee.Number.ShouldBe(next);
        fee.Money.ToString().ShouldBe("EUR 32.36");
        fee.Reason.ShouldBe(Reason);
        fee.OrderId.ShouldBe(seeded.OrderId);
        fee.CreditNoteId.ShouldBe(note.Id);

        var rows = DocumentRows(page);
        rows.ShouldContain($"Credit note {note.Number} EUR 65.00 Reverses invoice INV-{seeded.Number}");
        rows.ShouldContain($"Cancellation-fee invoice {next} EUR 32.36 {Reason}");
        (await App.RequestAsync(seeded.RequestId)).AuditEntries.Single(a => a.Kind == AuditKind.FeeInvoiceIssued).Note
            .ShouldBe($"{next} bills the EUR 32.36 the store kept: {Reason}");
        var email = (await App.MailsAsync(seeded.Number)).Single(m => m.Subject.EndsWith("is canceled", StringComparison.Ordinal));
        email.TextBody.ShouldContain($"You receive invoice {next}, an invoice of EUR 32.36 for {Reason}.");
    }

    [Fact]
    public async Task RefundNothingWithAReasonInvoicesTheWholeAmountKept()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        var values = Decision("StoreCredit", keptReason: "The engraving was already made");
        values["Input.Decision.RefundNothing"] = "true";

        var page = await client.FollowAsync(await CompleteAsync(client, seeded, values));

        await using var db = App.CreateContext();
        var fee = await db.CancellationFeeInvoices.SingleAsync(f => f.RequestId == seeded.RequestId);
        fee.Money.ToString().ShouldBe("EUR 65.00");
        DocumentRows(page).ShouldContain($"Cancellation-fee invoice {fee.Number} EUR 65.00 The engraving was already made");
        var email = (await App.MailsAsync(seeded.Number)).Single(m => m.Subject.EndsWith("is canceled", StringComparison.Ordinal));
        email.TextBody.ShouldContain($"an invoice of EUR 65.00 for The engraving was already made.");
    }

    [Fact]
    public async Task AFullRefundGivesACreditNoteAndNoFeeInvoice()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        var next = await NextFeeNumberAsync();

        var page = await client.FollowAsync(await CompleteAsync(client, seeded, Decision("StoreCredit")));

        await using var db = App.CreateContext();
        (await db.CreditNotes.CountAsync(c => c.RequestId == seeded.RequestId)).ShouldBe(1);
        (await db.CancellationFeeInvoices.CountAsync(f => f.RequestId == seeded.RequestId)).ShouldBe(0);
        (await NextFeeNumberAsync()).ShouldBe(next);
        DocumentRows(page).ShouldHaveSingleItem().ShouldStartWith("Credit note");
        (await App.MailsAsync(seeded.Number)).Single(m => m.Subject.EndsWith("is canceled", StringComparison.Ordinal)).TextBody.ShouldNotContain("an invoice of");
    }

    [Fact]
    public async Task WithInvoiceReversalOffAKeptAmountGivesNeitherACreditNoteNorAFeeInvoice()
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        await SetInvoiceReversalAsync(admin, on: false);
        try
        {
            var seeded = await App.SeedAsync();
            var client = await StaffAsync();
            await AcceptAsync(client, seeded);

            var page = await client.FollowAsync(await CompleteAsync(client, seeded, Decision("StoreCredit", amount: "32.64", keptReason: Reason)));

            await using var db = App.CreateContext();
            (await db.CreditNotes.CountAsync(c => c.RequestId == seeded.RequestId)).ShouldBe(0);
            (await db.CancellationFeeInvoices.CountAsync(f => f.RequestId == seeded.RequestId)).ShouldBe(0);
            DocumentRows(page).ShouldBeEmpty();
            var email = (await App.MailsAsync(seeded.Number)).Single(m => m.Subject.EndsWith("is canceled", StringComparison.Ordinal));
            email.TextBody.ShouldContain($"We kept EUR 32.36: {Reason}");
            email.TextBody.ShouldNotContain("an invoice of");
        }
        finally
        {
            await SetInvoiceReversalAsync(admin, on: true);
        }
    }

    [Fact]
    public async Task AKeptAmountOfAYenOrderIsInvoicedInWholeYen()
    {
        var seeded = await App.SeedAsync(currency: "JPY");
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        var page = await client.FollowAsync(await CompleteAsync(client, seeded, Decision("StoreCredit", amount: "40", keptReason: Reason)));

        await using var db = App.CreateContext();
        var fee = await db.CancellationFeeInvoices.SingleAsync(f => f.RequestId == seeded.RequestId);
        fee.Amount.ShouldBe(25m);
        fee.Currency.ShouldBe("JPY");
        DocumentRows(page).ShouldContain($"Cancellation-fee invoice {fee.Number} JPY 25 {Reason}");
        (await App.MailsAsync(seeded.Number)).Single(m => m.Subject.EndsWith("is canceled", StringComparison.Ordinal))
            .TextBody.ShouldContain($"an invoice of JPY 25 for {Reason}.");
    }

    [Fact]
    public async Task TwoCancellationsCompletingAtOnceGetConsecutiveFeeNumbersOrOneIsToldToTryAgain()
    {
        var sue = await App.SignInAsync(BackOfficeApp.Support);
        var otto = await App.SignInAsync(BackOfficeApp.OtherSupport);
        for (var round = 0; round < 5; round++)
        {
            var first = await App.SeedAsync();
            var second = await App.SeedAsync();
            await AcceptAsync(sue, first);
            await AcceptAsync(otto, second);
            var next = await NextFeeNumberAsync();
            var sueForm = (await sue.GetPageAsync(first.Url)).Form("Complete");
            var ottoForm = (await otto.GetPageAsync(second.Url)).Form("Complete");

            var responses = await Task.WhenAll(
                sue.SubmitAsync(sueForm, Confirmed(Decision("StoreCredit", amount: "60", keptReason: Reason))),
                otto.SubmitAsync(ottoForm, Confirmed(Decision("StoreCredit", amount: "60", keptReason: Reason))));

            foreach (var (response, client, seeded) in responses.Zip(new[] { sue, otto }, new[] { first, second }))
            {
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    continue;
                }

                var loser = await Html.ReadAsync(response);
                loser.Status.ShouldBe(HttpStatusCode.Conflict, loser.Alert);
                loser.Alert.ShouldContain("Nothing was saved: please try again.");
                await client.FollowAsync(await CompleteAsync(client, seeded, Decision("StoreCredit", amount: "60", keptReason: Reason)));
            }

            await using var db = App.CreateContext();
            var numbers = await db.CancellationFeeInvoices.Where(f => f.RequestId == first.RequestId || f.RequestId == second.RequestId).Select(f => f.Number).ToListAsync();
            numbers.ShouldBe([next, FeeNumber(next, 1)], ignoreOrder: true);
        }
    }

    /// <summary>The number the next cancellation-fee invoice gets.</summary>
    private async Task<string> NextFeeNumberAsync()
    {
        await using var db = App.CreateContext();
        var last = await db.DocumentSequences.Where(s => s.Name == InvoiceReversal.FeeInvoiceSequence).Select(s => s.LastNumber).SingleAsync();
        return $"FEE-{last + 1:D6}";
    }

    private static string FeeNumber(string number, int after) =>
        $"FEE-{(long.Parse(number["FEE-".Length..], CultureInfo.InvariantCulture) + after).ToString("D6", CultureInfo.InvariantCulture)}";

    /// <summary>The invoicing table of the request page, one line of cell texts per document.</summary>
    private static List<string> DocumentRows(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("[data-testid=documents] tbody tr")
            .Select(r => string.Join(' ', r.QuerySelectorAll("td").Select(c => c.TextContent.Trim())))];

    private static async Task SetInvoiceReversalAsync(HttpClient admin, bool on)
    {
        var settings = await admin.GetPageAsync("/Admin/Settings");
        await admin.FollowAsync(await admin.SubmitAsync(settings.Form(), new() { ["Input.RevertInvoiceOnCancel"] = on ? "true" : "false" }));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InvoicingWhatTheStoreKeptOnSqlite(SqliteBackOffice app) : InvoicingWhatTheStoreKept(app);

[Collection(PostgresCollection.Name)]
public sealed class InvoicingWhatTheStoreKeptOnPostgres(PostgresBackOffice app) : InvoicingWhatTheStoreKept(app);
