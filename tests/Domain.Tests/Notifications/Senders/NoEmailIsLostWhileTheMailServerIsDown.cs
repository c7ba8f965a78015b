using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Tests.Notifications.Senders;

/// <summary>
/// Emails are outbox rows written with the change: with the mail server down for an hour every one waits, and when it
/// returns each is delivered exactly once.
/// </summary>
public abstract class NoEmailIsLostWhileTheMailServerIsDown(Provider provider) : DatabaseTest(provider)
{
    [Fact]
    public async Task EmailsQueuedDuringAnHourLongOutageAreEachDeliveredOnceWhenTheServerReturns()
    {
        var port = SmtpTestServer.FreePort();
        var maildir = Path.Combine(Directory.CreateTempSubdirectory("cancellationportal-outage-").FullName, "maildir");
        var orders = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var order = await SaveAsync(TestOrders.Paid(customerId: $"customer-{i}"));
            await using var db = NewContext();
            (await RequestOn(db, order.Id, ShopperReason.ChangedMind, null, Actor.Shopper($"customer-{i}", "Sam"))).IsSuccess.ShouldBeTrue();
            orders.Add(order.Number);
        }

        // Down: nothing listens on the server's port for an hour of attempts.
        var outageEnds = Clock.GetUtcNow().AddHours(1);
        while (Clock.GetUtcNow() < outageEnds)
        {
            await DeliverAsync(port);
            Clock.Advance(TimeSpan.FromMinutes(5));
        }

        await using (var during = NewContext())
        {
            var waiting = await during.Outbox.ToListAsync();
            waiting.Count.ShouldBe(3);
            waiting.ShouldAllBe(m => m.Status == OutboxStatus.Pending && m.Attempts > 1);
            waiting.ShouldAllBe(m => m.LastError!.StartsWith("The mail server could not be reached", StringComparison.Ordinal));
        }

        // Up again: the next attempts deliver, and later runs send nothing more.
        using var server = await SmtpTestServer.StartAsync(port, maildir);
        for (var tick = 0; tick < 4; tick++)
        {
            Clock.Advance(TimeSpan.FromHours(1));
            await DeliverAsync(port);
        }

        var delivered = server.Messages();
        delivered.Select(m => m.Subject).ShouldBe(orders.Select(n => $"We received your cancellation request for order {n}"), ignoreOrder: true);
        await using var after = NewContext();
        var sent = await after.Outbox.ToListAsync();
        sent.ShouldAllBe(m => m.Status == OutboxStatus.Sent);
        delivered.Select(m => m.Headers[OutgoingEmail.IdHeader]).ShouldBe(sent.Select(m => m.Id.ToString()), ignoreOrder: true);
    }

    private async Task DeliverAsync(int port)
    {
        await using var db = NewContext();
        var email = Options.Create(new EmailOptions
        {
            Sender = EmailOptions.SmtpSender,
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(5) },
        });
        var processor = new OutboxProcessor(db, new SmtpEmailSender(email), new EmailBrandSource(db, email), Clock, Options.Create(new OutboxOptions()), NullLogger<OutboxProcessor>.Instance);
        await processor.DeliverDueAsync(default);
    }
}

public sealed class NoEmailIsLostWhileTheMailServerIsDownOnSqlite() : NoEmailIsLostWhileTheMailServerIsDown(Provider.Sqlite);

public sealed class NoEmailIsLostWhileTheMailServerIsDownOnPostgres() : NoEmailIsLostWhileTheMailServerIsDown(Provider.Postgres);
