using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>The email a shopper gets when staff canceled their order says why, what went back, and what the store kept and why.</summary>
public abstract class TheShoppersCancellationEmail(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task AStaffCancellationsReasonNoteIsShownAsTheStaffsAndReachesTheShoppersEmail()
    {
        var seeded = await App.SeedAsync(withRequest: false);
        var client = await StaffAsync();
        var page = await client.GetPageAsync($"/Orders/Cancel?number={seeded.Number}");

        var done = await client.FollowAsync(await client.SubmitConfirmedAsync(page.Form(), new()
        {
            ["Input.Reason"] = nameof(DecisionReason.OutOfStock),
            ["Input.Method"] = "StoreCredit",
            ["Input.ReasonNote"] = "The supplier discontinued the teapot",
        }));

        done.Text.ShouldNotContain("Shopper's comment");
        done.Text.ShouldContain($"Note from {BackOfficeApp.Support}");
        var mail = (await App.DeliveredMailAsync(seeded.Number)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe($"Order {seeded.Number} is canceled");
        mail.Body.ShouldContain("Why we canceled it: Out of stock. The supplier discontinued the teapot");
        mail.Body.ShouldContain("We refunded EUR 65.00 by store credit.");
        mail.Body.ShouldNotContain("as you asked");
    }

    [Fact]
    public async Task APartialRefundEmailSaysWhatTheStoreKeptAndWhy()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        await client.FollowAsync(await CompleteAsync(client, seeded, Decision("StoreCredit", amount: "50.00", keptReason: "The teapot was engraved for you")));

        var mail = (await App.DeliveredMailAsync(seeded.Number)).Where(m => m.Subject.EndsWith("is canceled", StringComparison.Ordinal)).ShouldHaveSingleItem();
        mail.Body.ShouldContain($"Order {seeded.Number} was canceled on");
        mail.Body.ShouldContain(", as you asked.");
        mail.Body.ShouldContain("We refunded EUR 50.00 by store credit. We kept EUR 15.00: The teapot was engraved for you.");
        mail.Body.ShouldNotContain("Why we canceled it");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TheShoppersCancellationEmailOnSqlite(SqliteBackOffice app) : TheShoppersCancellationEmail(app);

[Collection(PostgresCollection.Name)]
public sealed class TheShoppersCancellationEmailOnPostgres(PostgresBackOffice app) : TheShoppersCancellationEmail(app);
