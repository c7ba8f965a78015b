using System.Text.Json;

namespace CancellationPortal.Domain.Notifications;

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null)
{
    public const string OutboxKind = "email";

    public string ToJson() => JsonSerializer.Serialize(this);

    public static EmailMessage FromJson(string json) =>
        JsonSerializer.Deserialize<EmailMessage>(json) ?? throw new InvalidOperationException("Empty email payload.");
}

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>PickupFolder (default), later Smtp or SendGrid.</summary>
    public string Sender { get; set; } = "PickupFolder";

    public string PickupFolder { get; set; } = "data/mail";
    public string From { get; set; } = "shop@example.com";
    public string FromName { get; set; } = "Example Store";

    /// <summary>Where mail for staff goes (failed refunds, disputes).</summary>
    public string SupportAddress { get; set; } = "support@example.com";
}
