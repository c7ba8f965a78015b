using System.Text.Json;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CancellationPortal.Domain.Integrations;

/// <summary>
/// Writes a delivery for every endpoint that hears an event, in the same SaveChanges as the change: each new step
/// in a request's history (its <see cref="AuditEntry"/>) and each order newly disputed. A rolled-back change sends
/// nothing; a committed one is never lost.
/// </summary>
public sealed class WebhookOutbox(TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db)
        {
            await EnqueueAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db)
        {
            EnqueueAsync(db, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    private async ValueTask EnqueueAsync(DbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var events = new List<(string Type, Guid OrderId, object Data)>();
        foreach (var step in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).OrderBy(e => e.Sequence))
        {
            if (WebhookEvents.Of(step.Kind) is { } type)
            {
                events.Add((type, step.OrderId, new { requestId = step.RequestId, status = step.ToStatus.ToString(), at = step.At }));
            }
        }

        foreach (var order in db.ChangeTracker.Entries<Order>().Where(e => e.State == EntityState.Modified
                     && e.Entity.IsDisputed && !(bool)e.OriginalValues[nameof(Order.IsDisputed)]!))
        {
            events.Add((WebhookEvents.DisputeOpened, order.Entity.Id, new { }));
        }

        if (events.Count == 0)
        {
            return;
        }

        var types = events.Select(e => e.Type).Distinct().ToList();
        var endpoints = (await db.Set<WebhookEndpoint>().AsNoTracking().Where(w => w.IsActive).ToListAsync(cancellationToken))
            .Where(w => types.Any(w.Hears)).ToList();
        if (endpoints.Count == 0)
        {
            return;
        }

        var orderIds = events.Select(e => e.OrderId).Distinct().ToList();
        var externalIds = await db.Set<ExternalOrder>().AsNoTracking().Where(x => orderIds.Contains(x.OrderId))
            .ToDictionaryAsync(x => x.OrderId, x => x.ExternalId, cancellationToken);
        var numbers = await db.Set<Order>().AsNoTracking().Where(o => orderIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Number, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var (type, orderId, data) in events)
        {
            var payload = JsonSerializer.Serialize(new
            {
                type,
                timestamp = now,
                data = new { order = new { number = numbers.GetValueOrDefault(orderId), externalId = externalIds.GetValueOrDefault(orderId) }, details = data },
            }, JsonSerializerOptions.Web);
            foreach (var endpoint in endpoints.Where(e => e.Hears(type)))
            {
                db.Set<WebhookDelivery>().Add(WebhookDelivery.Create(endpoint.Id, type, payload, now));
            }
        }
    }
}
