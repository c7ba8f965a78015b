namespace CancellationPortal.Domain.Integrations;

/// <summary>
/// Ties the shop platform's id of an order to the order here, which keeps its own number. The fingerprint of the
/// last body pushed makes a repeated push a no-op.
/// </summary>
public sealed class ExternalOrder
{
    private ExternalOrder()
    {
    }

    public ExternalOrder(string externalId, Guid orderId, string fingerprint, DateTimeOffset now)
    {
        ExternalId = externalId;
        OrderId = orderId;
        Fingerprint = fingerprint;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public const int MaxExternalIdLength = 100;

    public string ExternalId { get; private set; } = "";
    public Guid OrderId { get; private set; }
    public string Fingerprint { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Pushed(string fingerprint, DateTimeOffset now)
    {
        Fingerprint = fingerprint;
        UpdatedAt = now;
    }
}
