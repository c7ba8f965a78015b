namespace CancellationPortal.Domain.Invoicing;

public sealed class Invoice
{
    private Invoice()
    {
    }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public Guid OrderId { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>The credit note this invoice answers, when it bills an order again after its cancellation was undone.</summary>
    public Guid? CreditNoteId { get; private set; }

    public static Invoice Issue(string number, Guid orderId, decimal amount, string currency, DateTimeOffset now) =>
        new() { Id = Guid.NewGuid(), Number = number, OrderId = orderId, Amount = amount, Currency = currency, IssuedAt = now };

    /// <summary>Bills the order again for what the credit note reversed: the cancellation was undone.</summary>
    public static Invoice Answering(string number, CreditNote creditNote, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(creditNote);
        var invoice = Issue(number, creditNote.OrderId, creditNote.Amount, creditNote.Currency, now);
        invoice.CreditNoteId = creditNote.Id;
        return invoice;
    }
}

/// <summary>Reverses an invoice when its order is canceled.</summary>
public sealed class CreditNote
{
    private CreditNote()
    {
    }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public Guid InvoiceId { get; private set; }
    public Guid OrderId { get; private set; }
    public Guid RequestId { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }

    public static CreditNote Issue(string number, Invoice invoice, Guid requestId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new()
        {
            Id = Guid.NewGuid(),
            Number = number,
            InvoiceId = invoice.Id,
            OrderId = invoice.OrderId,
            RequestId = requestId,
            Amount = invoice.Amount,
            Currency = invoice.Currency,
            IssuedAt = now,
        };
    }
}

/// <summary>
/// A gap-free number series (invoices, credit notes). The counter row is updated in the same transaction
/// as the document, under optimistic concurrency, so a rolled-back document never burns a number.
/// </summary>
public sealed class DocumentSequence
{
    private DocumentSequence()
    {
    }

    public DocumentSequence(string name, string prefix)
    {
        Name = name;
        Prefix = prefix;
    }

    public string Name { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public long LastNumber { get; private set; }

    public string Next()
    {
        LastNumber++;
        return $"{Prefix}{LastNumber:D6}";
    }
}
