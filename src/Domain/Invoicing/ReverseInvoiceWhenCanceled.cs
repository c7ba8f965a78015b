using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Invoicing;

/// <summary>A canceled order's invoice is answered with a credit note (and a fee invoice for what the store kept), when the store wants that.</summary>
public sealed class ReverseInvoiceWhenCanceled(AppDbContext db) : INotificationHandler<CancellationCompleted>
{
    public async ValueTask Handle(CancellationCompleted notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var settings = await db.StoreSettings.AsNoTracking().SingleAsync(cancellationToken);
        if (settings.RevertInvoiceOnCancel)
        {
            await db.ReverseInvoiceAsync(notification.Request, notification.Actor, notification.At, cancellationToken);
        }
    }
}
