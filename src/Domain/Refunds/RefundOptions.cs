namespace CancellationPortal.Domain.Refunds;

public sealed class RefundOptions
{
    public const string Section = "Refunds";

    /// <summary>
    /// The currency loyalty points are valued in. Orders in other currencies cannot be refunded in points:
    /// without an exchange rate, a yen and a euro would buy back the same points.
    /// </summary>
    public string PointsCurrency { get; set; } = "EUR";
}
