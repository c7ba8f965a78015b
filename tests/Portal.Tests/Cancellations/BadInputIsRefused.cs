using System.Net;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Cancellations;

/// <summary>Empty or unknown reason, an over-long comment, an unknown order, no antiforgery token: a clear message, a 4xx, nothing changed.</summary>
public abstract class BadInputIsRefused(Provider provider) : SignedInShopperTest(provider)
{
    public static TheoryData<string, int, string> Inputs => new()
    {
        { "", 0, "Choose a reason for the cancellation." },
        { "Bogus", 0, "Choose one of the listed reasons." },
        { "3", 0, "Choose one of the listed reasons." },
        { nameof(ShopperReason.Other), CancellationRequest.MaxCommentLength + 1, "The comment can be at most 1,000 characters (it has 1,001)." },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task TheFirstStepRefusesIt(string reason, int commentLength, string message)
    {
        var order = await App.PlaceOrderAsync(Shopper);

        var page = await StartRequestAsync(order.Number, reason, new string('x', commentLength));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Text.ShouldContain(message);
        page.HasButton("Request cancellation").ShouldBeTrue();
        page.HasButton("Confirm cancellation request").ShouldBeFalse();
        await NothingChangedAsync();
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task TheConfirmationStepRefusesATamperedForm(string reason, int commentLength, string message)
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var confirm = await StartRequestAsync(order.Number, nameof(ShopperReason.ChangedMind));
        var form = confirm.FormWithButton("Confirm cancellation request");
        PortalBrowser.Fill(form, new Dictionary<string, string> { ["Input.Reason"] = reason, ["Input.Comment"] = new string('x', commentLength) });

        var page = await Browser.ReplayAsync(form, "Confirm cancellation request");

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Text.ShouldContain(message);
        await NothingChangedAsync();
    }

    [Fact]
    public async Task ACommentOfExactlyTheLimitIsTaken()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var confirm = await StartRequestAsync(order.Number, nameof(ShopperReason.Other), new string('x', CancellationRequest.MaxCommentLength));

        var done = await Browser.SubmitAsync(confirm, "Confirm cancellation request");

        done.Status.ShouldBe(HttpStatusCode.OK);
        (await App.WithDbAsync(db => db.CancellationRequests.AsNoTracking().SingleAsync())).Comment!.Length.ShouldBe(CancellationRequest.MaxCommentLength);
    }

    [Theory]
    [InlineData("Request cancellation")]
    [InlineData("Confirm cancellation request")]
    public async Task AnUnknownOrderNumberAnswersNotFound(string button)
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var page = button == "Request cancellation" ? await OpenOrderAsync(order.Number) : await StartRequestAsync(order.Number, nameof(ShopperReason.ChangedMind));
        var form = page.FormWithButton(button);
        PortalBrowser.Fill(form, button == "Request cancellation" ? new Dictionary<string, string> { ["Input.Reason"] = nameof(ShopperReason.ChangedMind) } : null);
        form.Action = form.Action.Replace(order.Number, "NO-SUCH-ORDER", StringComparison.Ordinal);

        var refused = await Browser.ReplayAsync(form, button);

        refused.Status.ShouldBe(HttpStatusCode.NotFound);
        refused.Text.ShouldContain("Page not found");
        (await Browser.GetAsync("/Account/Orders/NO-SUCH-ORDER")).Status.ShouldBe(HttpStatusCode.NotFound);
        await NothingChangedAsync();
    }

    [Fact]
    public async Task AFormWithoutItsAntiforgeryTokenIsRefused()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var confirm = await StartRequestAsync(order.Number, nameof(ShopperReason.ChangedMind));
        var form = confirm.FormWithButton("Confirm cancellation request");
        form.QuerySelector("input[name=__RequestVerificationToken]").ShouldNotBeNull().Remove();

        var refused = await Browser.ReplayAsync(form, "Confirm cancellation request");

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        await NothingChangedAsync();
    }

    private async Task NothingChangedAsync()
    {
        (await App.WithDbAsync(db => db.CancellationRequests.CountAsync())).ShouldBe(0);
        (await App.WithDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
        (await App.OutboxMailAsync()).ShouldBeEmpty();
    }
}

public sealed class BadInputIsRefusedOnSqlite() : BadInputIsRefused(Provider.Sqlite);

public sealed class BadInputIsRefusedOnPostgres() : BadInputIsRefused(Provider.Postgres);
