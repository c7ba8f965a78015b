using System.Text.Json;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.TestSupport;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Tests.Notifications.Senders;

/// <summary>
/// The SendGrid sender against a fake SendGrid on loopback: the v3 Mail Send body field by field, and each answer
/// SendGrid gives sorted into sent, refused for good, or to be tried again (and when).
/// </summary>
public sealed class SendGridSendsThroughTheV3Api : IAsyncLifetime
{
    private static readonly Guid OutboxId = Guid.Parse("6f1c2a52-8c1e-4d7e-9a3b-0d6c1f2e3a4b");

    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = TestClock.Create();
    private FakeSendGrid _sendGrid = null!;

    public async Task InitializeAsync() => _sendGrid = await FakeSendGrid.StartAsync();

    public async Task DisposeAsync() => await _sendGrid.DisposeAsync();

    [Fact]
    public async Task AnAcceptedEmailIsPostedInTheV3FormatAndKeepsSendGridsMessageId()
    {
        var id = await Sender().SendAsync(Email(), default);

        id.ShouldBe("sg-message-1");
        var call = _sendGrid.Calls.ShouldHaveSingleItem();
        call.Path.ShouldBe("/v3/mail/send");
        call.Authorization.ShouldBe("Bearer SG.test-key");
        call.ContentType.ShouldStartWith("application/json");
        using var body = JsonDocument.Parse(call.Body);
        var root = body.RootElement;
        var to = root.GetProperty("personalizations").EnumerateArray().ShouldHaveSingleItem().GetProperty("to").EnumerateArray().ShouldHaveSingleItem();
        to.GetProperty("email").GetString().ShouldBe("zoe@example.com");
        to.GetProperty("name").GetString().ShouldBe("Zoë Ångström");
        root.GetProperty("from").GetProperty("email").GetString().ShouldBe("shop@example.com");
        root.GetProperty("from").GetProperty("name").GetString().ShouldBe("Example Store");
        root.GetProperty("subject").GetString().ShouldBe("Order 10023 is canceled");
        var content = root.GetProperty("content").EnumerateArray().ToList();
        content.Count.ShouldBe(2);
        content[0].GetProperty("type").GetString().ShouldBe("text/plain", "SendGrid requires the text part first");
        content[0].GetProperty("value").GetString().ShouldBe("Hello Zoë, order 10023 is canceled.");
        content[1].GetProperty("type").GetString().ShouldBe("text/html");
        content[1].GetProperty("value").GetString().ShouldBe("<p>Hello Zoë, order 10023 is canceled.</p>");
        root.GetProperty("custom_args").GetProperty("outbox_id").GetString().ShouldBe(OutboxId.ToString());
        root.GetProperty("categories").EnumerateArray().ShouldHaveSingleItem().GetString().ShouldBe("canceled");
    }

    [Theory]
    [InlineData(400, "The to email does not contain a valid address.")]
    [InlineData(401, "The provided authorization grant is invalid, expired, or revoked")]
    [InlineData(403, "The from address does not match a verified Sender Identity.")]
    public async Task ARefusedEmailFailsForGoodWithSendGridsReason(int status, string message)
    {
        _sendGrid.Answer = new SendGridAnswer(status, $$"""{"errors":[{"message":"{{message}}","field":"from","help":null}]}""");

        var error = await Should.ThrowAsync<EmailNotSentException>(() => Sender().SendAsync(Email(), default));

        error.Permanent.ShouldBeTrue();
        error.Message.ShouldBe($"SendGrid answered {status}: {message}");
    }

    [Fact]
    public async Task TooManyRequestsIsTriedAgainNoSoonerThanRetryAfterSays()
    {
        _sendGrid.Answer = new SendGridAnswer(429, """{"errors":[{"message":"too many requests"}]}""", new Dictionary<string, string> { ["Retry-After"] = "120" });

        var error = await Should.ThrowAsync<EmailNotSentException>(() => Sender().SendAsync(Email(), default));

        error.Permanent.ShouldBeFalse();
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task TooManyRequestsWithOnlyARateLimitResetWaitsUntilThatTime()
    {
        var reset = _clock.GetUtcNow().AddSeconds(90).ToUnixTimeSeconds();
        _sendGrid.Answer = new SendGridAnswer(429, "", new Dictionary<string, string> { ["X-RateLimit-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var error = await Should.ThrowAsync<EmailNotSentException>(() => Sender().SendAsync(Email(), default));

        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task AServerErrorIsTriedAgain()
    {
        _sendGrid.Answer = new SendGridAnswer(500, """{"errors":[{"message":"internal error"}]}""");

        var error = await Should.ThrowAsync<EmailNotSentException>(() => Sender().SendAsync(Email(), default));

        error.Permanent.ShouldBeFalse();
        error.RetryAfter.ShouldBeNull();
        error.Message.ShouldBe("SendGrid answered 500: internal error");
    }

    [Fact]
    public async Task NoAnswerInTimeIsTriedAgain()
    {
        _sendGrid.Answer = SendGridAnswer.Accepted with { Delay = TimeSpan.FromSeconds(10) };

        var error = await Should.ThrowAsync<EmailNotSentException>(() => Sender(timeout: TimeSpan.FromMilliseconds(300)).SendAsync(Email(), default));

        error.Permanent.ShouldBeFalse();
        error.Message.ShouldStartWith("SendGrid could not be reached or did not answer in time");
    }

    private SendGridEmailSender Sender(TimeSpan? timeout = null) => Sender(_sendGrid, _clock, timeout);

    internal static SendGridEmailSender Sender(FakeSendGrid sendGrid, TimeProvider clock, TimeSpan? timeout = null) => new(
        new OneClientFactory(timeout ?? TimeSpan.FromSeconds(5)),
        Options.Create(new EmailOptions
        {
            Sender = EmailOptions.SendGridSender,
            SendGrid = new SendGridOptions { ApiKey = "SG.test-key", ApiBase = sendGrid.BaseAddress },
        }),
        clock);

    private static OutgoingEmail Email() => new(
        OutboxId, "zoe@example.com", "Zoë Ångström", "Order 10023 is canceled", "Hello Zoë, order 10023 is canceled.", "<p>Hello Zoë, order 10023 is canceled.</p>", "canceled");

    private sealed class OneClientFactory(TimeSpan timeout) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new() { Timeout = timeout };
    }
}
