using CancellationPortal.Domain.Notifications;
using MimeKit;

namespace CancellationPortal.Domain.Tests.Notifications.Senders;

/// <summary>The SMTP sender against a real SMTP server, reading each delivered message back as a mail client would.</summary>
public sealed class SmtpDeliversToARealServer
{
    private readonly SmtpTestServer _server = SmtpTestServer.Shared();

    [Fact]
    public async Task ADeliveredEmailHasItsTextAndHtmlPartsAndItsOutboxId()
    {
        var email = Email("Order 10023 is canceled");

        var messageId = await _server.Sender().SendAsync(email, default);

        var delivered = _server.MessageWithId(email.Id);
        messageId.ShouldBe($"{email.Id:N}@example.com");
        delivered.Message.MessageId.ShouldBe(messageId, "the same id on every attempt");
        delivered.Subject.ShouldBe("Order 10023 is canceled");
        delivered.Message.From.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("shop@example.com");
        delivered.Message.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("zoe@example.com");
        delivered.Message.Body.ShouldBeOfType<MultipartAlternative>().ContentType.MimeType.ShouldBe("multipart/alternative");
        delivered.Body.ShouldBe("Hello Zoë,\nyour order 10023 is canceled: EUR 1,234.50 goes back to your card.\n");
        delivered.Html.ShouldBe("<p>Hello Zoë,<br>\nyour order 10023 is canceled: EUR 1,234.50 goes back to your card.</p>\n");
    }

    [Fact]
    public async Task NamesAndSubjectsOutsideAsciiArriveAsWritten()
    {
        var email = Email("Commande 10024 annulée — Ünïcödé ✓");

        await _server.Sender(fromName: "Café Ørsted & Söhne").SendAsync(email, default);

        var delivered = _server.MessageWithId(email.Id);
        delivered.Subject.ShouldBe("Commande 10024 annulée — Ünïcödé ✓");
        delivered.Message.To.Mailboxes.ShouldHaveSingleItem().Name.ShouldBe("Zoë Ångström-Łukasiewicz");
        delivered.Message.From.Mailboxes.ShouldHaveSingleItem().Name.ShouldBe("Café Ørsted & Söhne");
        delivered.Message.Headers[HeaderId.Subject].ShouldBe("Commande 10024 annulée — Ünïcödé ✓");
        var raw = delivered.Message.Headers.First(h => h.Id == HeaderId.To).RawValue;
        System.Text.Encoding.ASCII.GetString(raw).ShouldContain("=?utf-8?", Case.Insensitive, "a name outside ASCII travels as an encoded word");
    }

    [Fact]
    public async Task AnEmailTheServerRefusesWithA5xxFailsForGood()
    {
        // The server ./test.sh starts takes at most 200 kB a message, and says so with 552.
        var email = Email("Order 10025 is canceled") with { Text = new string('x', 300_000) };

        var error = await Should.ThrowAsync<EmailNotSentException>(() => _server.Sender().SendAsync(email, default));

        error.Permanent.ShouldBeTrue();
        error.Message.ShouldStartWith("The mail server answered 552");
    }

    [Fact]
    public async Task AServerThatCannotBeReachedIsTriedAgainLater()
    {
        var sender = new SmtpEmailSender(Microsoft.Extensions.Options.Options.Create(new EmailOptions
        {
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = SmtpTestServer.FreePort(), Security = SmtpSecurity.None },
        }));

        var error = await Should.ThrowAsync<EmailNotSentException>(() => sender.SendAsync(Email("Order 10026 is canceled"), default));

        error.Permanent.ShouldBeFalse();
        error.Message.ShouldStartWith("The mail server could not be reached");
    }

    private static OutgoingEmail Email(string subject) => new(
        Guid.NewGuid(),
        "zoe@example.com",
        "Zoë Ångström-Łukasiewicz",
        subject,
        "Hello Zoë,\nyour order 10023 is canceled: EUR 1,234.50 goes back to your card.\n",
        "<p>Hello Zoë,<br>\nyour order 10023 is canceled: EUR 1,234.50 goes back to your card.</p>\n",
        "canceled");
}
