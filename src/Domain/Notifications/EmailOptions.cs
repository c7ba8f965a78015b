using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Notifications;

/// <summary>A misspelt sender, or one without what it needs, stops the app at start-up instead of losing mail quietly.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options) =>
        options.SenderProblem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    public const string PickupFolderSender = "PickupFolder";
    public const string SmtpSender = "Smtp";
    public const string SendGridSender = "SendGrid";

    private static readonly string[] KnownSenders = [PickupFolderSender, SmtpSender, SendGridSender];

    /// <summary>How emails leave: PickupFolder (the embedded default), Smtp or SendGrid. Any other value stops the app at start-up.</summary>
    public string Sender { get; set; } = PickupFolderSender;

    public string PickupFolder { get; set; } = "data/mail";
    public string From { get; set; } = "shop@example.com";
    public string FromName { get; set; } = "Example Store";

    /// <summary>Where mail for staff goes (failed refunds, disputes).</summary>
    public string SupportAddress { get; set; } = "support@example.com";

    /// <summary>Where links in emails lead: the portal's public address (<c>Portal:PublicUrl</c>), never a request's Host header.</summary>
    public Uri PortalUrl { get; set; } = new("http://localhost:5080");

    public SmtpOptions Smtp { get; set; } = new();

    public SendGridOptions SendGrid { get; set; } = new();

    public bool HasKnownSender => KnownSenders.Contains(Sender, StringComparer.OrdinalIgnoreCase);

    public bool Uses(string sender) => string.Equals(Sender, sender, StringComparison.OrdinalIgnoreCase);

    /// <summary>What is missing for the chosen sender, or null when it can send.</summary>
    public string? SenderProblem() =>
        !HasKnownSender ? $"Email:Sender is not a sender this app knows: use {string.Join(", ", KnownSenders)}."
        : Uses(SmtpSender) && string.IsNullOrWhiteSpace(Smtp.Host) ? "Email:Smtp:Host is required when Email:Sender is Smtp."
        : Uses(SendGridSender) && string.IsNullOrWhiteSpace(SendGrid.ApiKey) ? "Email:SendGrid:ApiKey is required when Email:Sender is SendGrid."
        : null;
}

public enum SmtpSecurity
{
    /// <summary>Upgrade the connection with STARTTLS, and refuse a server that does not offer it (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Ssl,

    /// <summary>No encryption: a relay on the same machine or a test server only.</summary>
    None,
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Sign in only when a user name is set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class SendGridOptions
{
    public string? ApiKey { get; set; }

    /// <summary>SendGrid's address; tests point it at a local fake.</summary>
    public Uri ApiBase { get; set; } = new("https://api.sendgrid.com");

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The Event Webhook's verification key (base64, from SendGrid's Mail Settings); without it every event is refused.</summary>
    public string? WebhookVerificationKey { get; set; }

    /// <summary>How far an event batch's signed time may be from our clock.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
