using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Customers;
using CancellationPortal.Domain.Invoicing;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>
/// What happens when a request reaches Canceled: the order is canceled, points and store credit used to pay
/// go back to the shopper, items optionally go back on the shelf, and the invoice is reversed with a credit
/// note. Adds to the unit of work; the caller commits.
/// </summary>
public sealed class CancellationCompletion(AppDbContext db)
{
    public const string CreditNoteSequence = "credit-note";

    /// <summary>Completes a request with nothing to refund in money: restocks and reverses the invoice.</summary>
    public Task<Result> CompleteWithoutMoneyAsync(CancellationRequest request, Actor actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        CompleteAsync(request, actor, restock: true, now, cancellationToken);

    public async Task<Result> CompleteAsync(CancellationRequest request, Actor actor, bool restock, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var order = request.Order;
        var completed = request.Complete(actor, now);
        if (!completed.IsSuccess)
        {
            return completed;
        }

        order.MarkCanceled(now);
        GiveBackWhatWasNotMoney(order, now);
        if (restock)
        {
            await RestockAsync(order, cancellationToken);
        }

        var settings = await db.StoreSettings.AsNoTracking().SingleAsync(cancellationToken);
        if (settings.RevertInvoiceOnCancel)
        {
            await IssueCreditNoteAsync(request, now, cancellationToken);
        }

        return Result.Ok();
    }

    /// <summary>Points and store credit spent on the order are given back automatically.</summary>
    private void GiveBackWhatWasNotMoney(Order order, DateTimeOffset now)
    {
        if (order.PointsRedeemed > 0)
        {
            db.PointsEntries.Add(new PointsEntry(order.CustomerId, order.PointsRedeemed, $"Order {order.Number} canceled: points given back", null, now));
        }

        if (order.PaymentMethod == PaymentMethod.StoreCredit && order.AmountPaid > 0)
        {
            db.StoreCreditEntries.Add(new StoreCreditEntry(order.CustomerId, order.AmountPaid, order.Currency, $"Order {order.Number} canceled: store credit given back", null, now));
        }
    }

    private async Task RestockAsync(Order order, CancellationToken cancellationToken)
    {
        var skus = order.Lines.Select(l => l.Sku).Distinct().ToList();
        var items = await db.StockItems.Where(s => skus.Contains(s.Sku)).ToDictionaryAsync(s => s.Sku, cancellationToken);
        foreach (var line in order.Lines)
        {
            if (items.TryGetValue(line.Sku, out var item))
            {
                item.Restock(line.Quantity);
            }
        }
    }

    private async Task IssueCreditNoteAsync(CancellationRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.Where(i => i.OrderId == request.OrderId).OrderByDescending(i => i.IssuedAt).FirstOrDefaultAsync(cancellationToken);
        if (invoice is null)
        {
            return;
        }

        var sequence = await db.DocumentSequences.SingleOrDefaultAsync(s => s.Name == CreditNoteSequence, cancellationToken);
        if (sequence is null)
        {
            sequence = new DocumentSequence(CreditNoteSequence, "CN-");
            db.DocumentSequences.Add(sequence);
        }

        var note = CreditNote.Issue(sequence.Next(), invoice, request.Id, now);
        db.CreditNotes.Add(note);
        request.Note(Actor.System, now, "Credit note issued", $"{note.Number} reverses invoice {invoice.Number}");
    }
}
