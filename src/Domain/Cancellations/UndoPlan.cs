using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>What undoing does with one refund (or with store credit or points the order was paid with).</summary>
public enum UndoStep
{
    /// <summary>The refund failed or was canceled: no money went back.</summary>
    NothingWentBack,

    /// <summary>A card refund still pending: the provider is asked to cancel it. If it cannot, its amount is due.</summary>
    CancelAtProvider,

    /// <summary>A bank transfer not made yet: it is withdrawn.</summary>
    WithdrawTransfer,

    /// <summary>Store credit or points still on the shopper's balance: taken back from it.</summary>
    TakeBackFromLedger,

    /// <summary>The money reached the shopper (or they spent the credit): they pay it back.</summary>
    DueFromShopper,

    /// <summary>The provider failed the refund after it had succeeded: staff check with the provider what became of the money.</summary>
    CheckWithProvider,
}

/// <summary>
/// The world an undo is decided in, read by its handler: the shopper's balances, the shelf, the credit note a new
/// invoice will answer, and (when undoing for real) what the provider said to canceling each pending card refund.
/// </summary>
/// <param name="CreditNoteToAnswer">The cancellation's credit note, when the store re-invoices an undone order.</param>
public sealed record UndoContext(
    decimal StoreCreditBalance,
    long PointsBalance,
    int PointsPerCurrencyUnit,
    IReadOnlyDictionary<string, int> OnHand,
    string? CreditNoteToAnswer,
    IReadOnlyDictionary<Guid, GatewayRefundCancel>? CardCancels = null);

/// <param name="What">The refund or the payment in words, e.g. "Store credit refund of EUR 40.00".</param>
/// <param name="Amount">The money it moved back to the shopper.</param>
/// <param name="StoreCreditTakenBack">Taken back from the store-credit balance.</param>
/// <param name="PointsTakenBack">Taken back from the points balance.</param>
/// <param name="Due">What the shopper must pay back for it.</param>
public sealed record UndoLine(string What, Guid? RefundId, UndoStep Step, Money Amount, decimal StoreCreditTakenBack, long PointsTakenBack, Money Due);

/// <summary>A line whose items are no longer on the shelf in full.</summary>
public sealed record StockShortfall(string Sku, string Name, int Needed, int OnHand)
{
    public int Missing => Needed - OnHand;

    public override string ToString() => $"{Sku} ({Name}) needs {Needed}, {OnHand} on hand: {Missing} short";
}

/// <summary>Everything an undo will do, shown to staff before anything happens and applied as shown.</summary>
/// <param name="ReReserveStock">The cancellation put the items back on the shelf: undoing takes them off again.</param>
/// <param name="SupplierReorder">A drop-ship order the supplier canceled: staff must place it with the supplier again.</param>
/// <param name="CreditNoteToAnswer">The credit note a new invoice answers, when the store re-invoices.</param>
public sealed record UndoPlan(
    IReadOnlyList<UndoLine> Lines,
    Money Due,
    bool ReReserveStock,
    IReadOnlyList<StockShortfall> Shortfalls,
    bool SupplierReorder,
    string? CreditNoteToAnswer)
{
    public decimal StoreCreditTakenBack => Lines.Sum(l => l.StoreCreditTakenBack);

    public long PointsTakenBack => Lines.Sum(l => l.PointsTakenBack);

    /// <summary>Nothing to repay: the order is active again the moment staff confirm.</summary>
    public bool CompletesAtOnce => Due.Amount <= 0m;

    /// <summary>Why the stock does not allow the undo without a backorder, or null when it does.</summary>
    public Error? StockRefusal(bool backorder) => Shortfalls.Count == 0 || backorder
        ? null
        : Error.Invalid(
            $"Not enough stock to re-reserve: {string.Join("; ", Shortfalls)}. Undo anyway with the missing items on backorder, or restock first.",
            "Backorder");
}
