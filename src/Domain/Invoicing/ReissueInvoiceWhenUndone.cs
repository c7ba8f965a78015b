using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Invoicing;

/// <summary>
/// An undone cancellation's credit note is answered with a new invoice in the gap-free invoice series, so the
/// books bill the order again. Only when the store reverses invoices on cancel (otherwise there is no credit note).
/// </summary>
public sealed class ReissueInvoiceWhenUndone(AppDbContext db) : INotificationHandler<CancellationUndone>
{
    public const string InvoiceSequence = "invoice";

    public async ValueTask Handle(CancellationUndone notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var request = notification.Request;
        var settings = await db.StoreSettings.AsNoTracking().SingleAsync(cancellationToken);
        var note = await db.CreditNotes.Where(c => c.RequestId == request.Id).OrderByDescending(c => c.IssuedAt).FirstOrDefaultAsync(cancellationToken);
        if (!settings.RevertInvoiceOnCancel || note is null)
        {
            return;
        }

        var invoice = Invoice.Answering(await db.NextNumberAsync(InvoiceSequence, "INV-", cancellationToken), note, notification.At);
        db.Invoices.Add(invoice);
        request.Note(notification.Actor, notification.At, AuditKind.InvoiceReissued, $"{invoice.Number} answers credit note {note.Number}");
    }

    /// <summary>The invoice issued for the request's order in this unit of work, if any.</summary>
    public static Invoice? IssuedIn(AppDbContext db, CancellationRequest request)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        return db.Invoices.Local.SingleOrDefault(i => i.OrderId == request.OrderId && i.CreditNoteId is not null);
    }
}
