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

    public const string PickupFolderSender = "PickupFolder";

    /// <summary>How emails leave: PickupFolder, the only sender today. Any other value stops the app at start-up.</summary>
    public string Sender { get; set; } = PickupFolderSender;

    public string PickupFolder { get; set; } = "data/mail";
    public string From { get; set; } = "shop@example.com";
    public string FromName { get; set; } = "Example Store";

    /// <summary>Where mail for staff goes (failed refunds, disputes).</summary>
    public string SupportAddress { get; set; } = "support@example.com";

    public bool HasKnownSender => string.Equals(Sender, PickupFolderSender, StringComparison.OrdinalIgnoreCase);
}
