using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Invoicing;

/// <summary>
/// Bills what the store kept of a canceled order's payment (a restocking fee, work already done). The credit
/// note reverses the whole invoice, so without this the books would show no income for the kept amount.
/// </summary>
public sealed class CancellationFeeInvoice
{
    private CancellationFeeInvoice()
    {
    }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public Guid OrderId { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid CreditNoteId { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "";

    /// <summary>Why the store kept the amount, as staff gave it with the decision.</summary>
    public string Reason { get; private set; } = "";

    public DateTimeOffset IssuedAt { get; private set; }

    public Money Money => new(Amount, Currency);

    public static CancellationFeeInvoice Issue(string number, CreditNote creditNote, Money kept, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(creditNote);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kept.Amount);
        return new()
        {
            Id = Guid.NewGuid(),
            Number = number,
            OrderId = creditNote.OrderId,
            RequestId = creditNote.RequestId,
            CreditNoteId = creditNote.Id,
            Amount = kept.Amount,
            Currency = kept.Currency,
            Reason = reason,
            IssuedAt = now,
        };
    }
}
