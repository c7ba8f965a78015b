using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Pages.Shared.Components.CancellationDocuments;

/// <summary>
/// The accounting documents a cancellation produced: the credit note reversing the order's invoice and the
/// invoice for what the store kept, side by side so staff see that the books add up.
/// </summary>
public sealed class CancellationDocumentsViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid requestId)
    {
        var creditNotes = await (
                from note in db.CreditNotes.AsNoTracking()
                join invoice in db.Invoices on note.InvoiceId equals invoice.Id
                where note.RequestId == requestId
                select new { note.Number, note.Amount, note.Currency, Invoice = invoice.Number })
            .ToListAsync();
        var feeInvoices = await db.CancellationFeeInvoices.AsNoTracking()
            .Where(f => f.RequestId == requestId)
            .Select(f => new { f.Number, f.Amount, f.Currency, f.Reason })
            .ToListAsync();

        List<DocumentRow> rows =
        [
            .. creditNotes.Select(c => new DocumentRow("Credit note", c.Number, new Money(c.Amount, c.Currency), $"Reverses invoice {c.Invoice}")),
            .. feeInvoices.Select(f => new DocumentRow("Cancellation-fee invoice", f.Number, new Money(f.Amount, f.Currency), f.Reason)),
        ];
        return View(rows);
    }

    public sealed record DocumentRow(string Kind, string Number, Money Amount, string Detail);
}
