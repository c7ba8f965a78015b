using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Invoicing;

/// <summary>
/// The invoicing side of a cancellation: the order's invoice is reversed with a credit note and, when the store
/// kept part or all of the payment, that part is billed again on a cancellation-fee invoice. Adds to the unit of
/// work; the caller commits, so a rolled-back cancellation never burns a number.
/// </summary>
public static class InvoiceReversal
{
    public const string CreditNoteSequence = "credit-note";
    public const string FeeInvoiceSequence = "cancellation-fee";

    public static async Task ReverseInvoiceAsync(this AppDbContext db, CancellationRequest request, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var invoice = await db.Invoices.Where(i => i.OrderId == request.OrderId).OrderByDescending(i => i.IssuedAt).FirstOrDefaultAsync(cancellationToken);
        if (invoice is null)
        {
            return;
        }

        var note = CreditNote.Issue(await db.NextNumberAsync(CreditNoteSequence, "CN-", cancellationToken), invoice, request.Id, now);
        db.CreditNotes.Add(note);
        request.Note(actor, now, AuditKind.CreditNoteIssued, $"{note.Number} reverses invoice {invoice.Number}");

        if (request.Kept is not { } kept || request.Decision?.KeptReason is not { } reason)
        {
            return;
        }

        var fee = CancellationFeeInvoice.Issue(await db.NextNumberAsync(FeeInvoiceSequence, "FEE-", cancellationToken), note, kept, reason, now);
        db.CancellationFeeInvoices.Add(fee);
        request.Note(actor, now, AuditKind.FeeInvoiceIssued, $"{fee.Number} bills the {fee.Money} the store kept: {fee.Reason}");
    }

    /// <summary>The cancellation-fee invoice issued for the request in this unit of work, if any.</summary>
    public static CancellationFeeInvoice? FeeInvoiceIssuedFor(this AppDbContext db, CancellationRequest request)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        return db.CancellationFeeInvoices.Local.SingleOrDefault(f => f.RequestId == request.Id);
    }

    /// <summary>
    /// The next number of a gap-free series. The counter row is a concurrency token: of two cancellations
    /// numbering at once, one saves and the other is told to try again, so no number is given twice.
    /// </summary>
    internal static async Task<string> NextNumberAsync(this AppDbContext db, string series, string prefix, CancellationToken cancellationToken)
    {
        var sequence = await db.DocumentSequences.SingleOrDefaultAsync(s => s.Name == series, cancellationToken);
        if (sequence is null)
        {
            sequence = new DocumentSequence(series, prefix);
            db.DocumentSequences.Add(sequence);
        }

        return sequence.Next();
    }
}
