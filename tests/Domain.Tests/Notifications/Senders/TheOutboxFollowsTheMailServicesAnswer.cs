using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Tests.Notifications.Senders;

/// <summary>A refused email fails at once with SendGrid's reason; a busy SendGrid is asked again no sooner than it said.</summary>
public abstract class TheOutboxFollowsTheMailServicesAnswer(Provider provider) : DatabaseTest(provider), IAsyncLifetime
{
    private FakeSendGrid _sendGrid = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _sendGrid = await FakeSendGrid.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _sendGrid.DisposeAsync();
        await DisposeAsync();
    }

    [Fact]
    public async Task ARefusedEmailFailsAtOnceWithTheServicesReason()
    {
        var id = await EnqueueAsync();
        _sendGrid.Answer = new SendGridAnswer(400, """{"errors":[{"message":"Does not contain a valid address."}]}""");

        await DeliverAsync();

        var message = await LoadAsync(id);
        message.Status.ShouldBe(OutboxStatus.Failed);
        message.Attempts.ShouldBe(1);
        message.LastError.ShouldBe("SendGrid answered 400: Does not contain a valid address.");
    }

    [Fact]
    public async Task ABusyServiceIsAskedAgainNoSoonerThanItSaid()
    {
        var id = await EnqueueAsync();
        _sendGrid.Answer = new SendGridAnswer(429, "", new Dictionary<string, string> { ["Retry-After"] = "600" });

        await DeliverAsync();

        var message = await LoadAsync(id);
        message.Status.ShouldBe(OutboxStatus.Pending);
        message.NextAttemptAt.ShouldBe(Clock.GetUtcNow().AddMinutes(10), "the ten minutes SendGrid asked for, not the usual 30 seconds");

        _sendGrid.Answer = SendGridAnswer.Accepted;
        Clock.Advance(TimeSpan.FromMinutes(10));
        await DeliverAsync();

        var sent = await LoadAsync(id);
        sent.Status.ShouldBe(OutboxStatus.Sent);
        sent.ProviderMessageId.ShouldBe("sg-message-1");
        _sendGrid.Calls.Count.ShouldBe(2);
    }

    private async Task<Guid> EnqueueAsync()
    {
        await using var db = NewContext();
        db.EnqueueEmail(new EmailMessage("zoe@example.com", "Order 10023 is canceled", "Hello"), "10023", Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return (await db.Outbox.SingleAsync()).Id;
    }

    private async Task DeliverAsync()
    {
        await using var db = NewContext();
        var processor = new OutboxProcessor(
            db,
            SendGridSendsThroughTheV3Api.Sender(_sendGrid, Clock),
            new EmailBrandSource(db, Options.Create(new EmailOptions())),
            Clock,
            Options.Create(new OutboxOptions()),
            NullLogger<OutboxProcessor>.Instance);
        await processor.DeliverDueAsync(default);
    }

    private async Task<OutboxMessage> LoadAsync(Guid id)
    {
        await using var db = NewContext();
        return await db.Outbox.SingleAsync(m => m.Id == id);
    }
}

public sealed class TheOutboxFollowsTheMailServicesAnswerOnSqlite() : TheOutboxFollowsTheMailServicesAnswer(Provider.Sqlite);

public sealed class TheOutboxFollowsTheMailServicesAnswerOnPostgres() : TheOutboxFollowsTheMailServicesAnswer(Provider.Postgres);
