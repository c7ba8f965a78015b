using System.Collections.Concurrent;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Tests.Notifications;

/// <summary>The outbox hands due messages to a sender, retries failures with growing delays, and never sends one twice.</summary>
public abstract class TheOutboxDeliversEachMessageOnce(Provider provider) : DatabaseTest(provider)
{
    private static readonly OutboxOptions Options = new()
    {
        MaxAttempts = 4,
        BaseRetryDelay = TimeSpan.FromSeconds(30),
        BatchSize = 50,
    };

    [Fact]
    public async Task ADueMessageIsWrittenAsAnEmlFileWithTextAndHtmlParts()
    {
        var folder = Directory.CreateTempSubdirectory("cancellationportal-mail-").FullName;
        try
        {
            var order = await SaveAsync(TestOrders.Paid(customerId: "customer-1"));
            var shopper = Actor.Shopper("customer-1", "Sam Shopper");
            await using (var db = NewContext())
            {
                (await RequestOn(db, order.Id, ShopperReason.DeliveryTooLong, "Ünïcödé is fine — really.", shopper)).IsSuccess.ShouldBeTrue();
            }

            var sender = new PickupFolderEmailSender(Microsoft.Extensions.Options.Options.Create(new EmailOptions { PickupFolder = folder, From = "shop@example.com", FromName = "Example Store" }));
            await using (var db = NewContext())
            {
                (await Processor(db, sender).DeliverDueAsync(default)).ShouldBe(1);
            }

            var eml = EmlFile.Read(Directory.GetFiles(folder, "*.eml").ShouldHaveSingleItem());
            eml.To.ShouldContain(order.CustomerEmail);
            eml.Headers["From"].ShouldContain("shop@example.com");
            eml.Subject.ShouldBe($"We received your cancellation request for order {order.Number}");
            eml.Body.ShouldContain($"We received your request to cancel order {order.Number}");
            eml.Body.ShouldContain("Reason: Delivery takes too long");
            eml.Body.ShouldContain("Your comment: Ünïcödé is fine — really.");
            eml.Html.ShouldNotBeNull().ShouldContain("Your comment: Ünïcödé is fine — really.");
            await using var check = NewContext();
            var message = await check.Outbox.SingleAsync();
            eml.Headers[OutgoingEmail.IdHeader].ShouldBe(message.Id.ToString());
            message.Status.ShouldBe(OutboxStatus.Sent);
            message.SentAt.ShouldBe(Clock.GetUtcNow());
            message.Attempts.ShouldBe(1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AFailingSenderIsRetriedWithGrowingDelaysAndGivenUpAfterMaxAttempts()
    {
        var id = await EnqueueAsync(1);
        var sender = new FailingSender();
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= Options.MaxAttempts; attempt++)
        {
            await using (var db = NewContext())
            {
                (await Processor(db, sender).DeliverDueAsync(default)).ShouldBe(1, $"attempt {attempt} is due");
            }

            await using var check = NewContext();
            var message = await check.Outbox.SingleAsync(m => m.Id == id.Single());
            message.Attempts.ShouldBe(attempt);
            message.LastError.ShouldBe($"Mail server said no (call {attempt})");
            if (attempt == Options.MaxAttempts)
            {
                message.Status.ShouldBe(OutboxStatus.Failed);
                break;
            }

            message.Status.ShouldBe(OutboxStatus.Pending);
            var wait = message.NextAttemptAt - Clock.GetUtcNow();
            waits.Add(wait);

            // Not due a moment before its time.
            Clock.Advance(wait - TimeSpan.FromSeconds(1));
            await using (var early = NewContext())
            {
                (await Processor(early, sender).DeliverDueAsync(default)).ShouldBe(0);
            }

            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        waits.ShouldBe([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)]);
        sender.Calls.ShouldBe(Options.MaxAttempts);
        Clock.Advance(TimeSpan.FromDays(1));
        await using (var after = NewContext())
        {
            (await Processor(after, sender).DeliverDueAsync(default)).ShouldBe(0, "a failed message waits for staff");
        }

        sender.Calls.ShouldBe(Options.MaxAttempts);
    }

    [Fact]
    public async Task TwoProcessorsRunningAtOnceDeliverEachMessageExactlyOnce()
    {
        var ids = await EnqueueAsync(30);
        List<string> subjects;
        await using (var db = NewContext())
        {
            subjects = (await db.Outbox.Select(m => m.Payload).ToListAsync()).Select(p => EmailMessage.FromJson(p).Subject).ToList();
        }

        var sender = new CountingSender();

        for (var round = 0; round < 3; round++)
        {
            await using var first = NewContext();
            await using var second = NewContext();
            await Task.WhenAll(
                Task.Run(() => Processor(first, sender).DeliverDueAsync(default)),
                Task.Run(() => Processor(second, sender).DeliverDueAsync(default)));
        }

        sender.Sent.Keys.ShouldBe(subjects, ignoreOrder: true);
        sender.Sent.Values.ShouldAllBe(count => count == 1);
        await using var check = NewContext();
        (await check.Outbox.CountAsync(m => m.Status == OutboxStatus.Sent && m.Attempts == 1)).ShouldBe(ids.Count);
    }

    private OutboxProcessor Processor(AppDbContext db, IEmailSender sender) =>
        new(db, sender, new EmailBrandSource(db, Microsoft.Extensions.Options.Options.Create(new EmailOptions())), Clock, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<OutboxProcessor>.Instance);

    private static string Subject(Guid key) => $"Message {key}";

    /// <returns>The message ids.</returns>
    private async Task<List<Guid>> EnqueueAsync(int count)
    {
        await using var db = NewContext();
        var messages = Enumerable.Range(0, count)
            .Select(_ => Guid.NewGuid())
            .Select(key => OutboxMessage.Create(EmailMessage.OutboxKind, new EmailMessage("sam@example.com", Subject(key), "Hello").ToJson(), "10001", Clock.GetUtcNow()))
            .ToList();
        db.Outbox.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    }

    private sealed class FailingSender : IEmailSender
    {
        public int Calls { get; private set; }

        public Task<string?> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
        {
            Calls++;
            throw new InvalidOperationException($"Mail server said no (call {Calls})");
        }
    }

    private sealed class CountingSender : IEmailSender
    {
        public ConcurrentDictionary<string, int> Sent { get; } = new();

        public async Task<string?> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
        {
            // A real send takes a while: give the other processor a chance to race for the same message.
            await Task.Delay(2, cancellationToken);
            Sent.AddOrUpdate(email.Subject, 1, (_, count) => count + 1);
            return null;
        }
    }
}

public sealed class TheOutboxDeliversEachMessageOnceOnSqlite() : TheOutboxDeliversEachMessageOnce(Provider.Sqlite);

public sealed class TheOutboxDeliversEachMessageOnceOnPostgres() : TheOutboxDeliversEachMessageOnce(Provider.Postgres);
