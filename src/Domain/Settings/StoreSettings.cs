namespace CancellationPortal.Domain.Settings;

/// <summary>Store-wide switches an Admin changes in the back-office (one row).</summary>
public sealed class StoreSettings
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    /// <summary>Issue a credit note for the order's invoice when it is canceled, and an invoice for any amount the store kept.</summary>
    public bool RevertInvoiceOnCancel { get; set; } = true;

    /// <summary>A request waiting longer than this is shown as overdue in the queue.</summary>
    public int OverdueAfterHours { get; set; } = 48;

    /// <summary>How many loyalty points one unit of the points currency (Refunds:PointsCurrency) buys back when refunding in points.</summary>
    public int PointsPerCurrencyUnit { get; set; } = 100;
}
