using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>
/// What the cancellation commands share: opening a request after checking the policy, loading a request
/// someone is about to change, and committing the unit of work with lost races told as conflicts.
/// </summary>
public sealed class CancellationService(AppDbContext db, UnitOfWork unitOfWork, TimeProvider clock)
{
    /// <summary>Opens a request on behalf of anyone (shopper, staff, system) after checking the policy.</summary>
    public async Task<Result<CancellationRequest>> SubmitAsync(
        Orders.Order order,
        Actor requestedBy,
        string source,
        ShopperReason? reason,
        string? comment,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var now = clock.GetUtcNow();
        var hasOpen = await db.CancellationRequests.AnyAsync(
            r => r.OrderId == order.Id && CancellationStatusText.Open.Contains(r.Status), cancellationToken);
        var answer = CancellationPolicy.Evaluate(order, hasOpen);
        var submitted = CancellationRequest.Submit(order, answer, requestedBy, source, reason, comment, now);
        if (!submitted.IsSuccess)
        {
            return submitted.Error!;
        }

        var request = submitted.Value!;
        db.CancellationRequests.Add(request);
        if (requestedBy.Kind == ActorKind.Shopper && CancellationPolicy.CancelsAtOnce(order, answer))
        {
            request.CancelAtOnce(now);
        }
        else if (requestedBy.Kind == ActorKind.Shopper)
        {
            db.EnqueueEmail(EmailTemplates.RequestReceived(order, request), order.Number, now);
        }

        var saved = await SaveAsync(request, cancellationToken);
        return saved.IsSuccess ? request : saved.Error!;
    }

    /// <summary>
    /// Loads a request that staff are about to change. A version other than the one their page showed means
    /// somebody acted first: they are told who and when instead of acting on what they did not see.
    /// </summary>
    public async Task<Result<CancellationRequest>> LoadForChangeAsync(Guid requestId, long expectedVersion, CancellationToken cancellationToken)
    {
        var request = await LoadAsync(requestId, cancellationToken);
        if (request is null)
        {
            return Error.NotFound("No such cancellation request.");
        }

        return request.Version == expectedVersion ? request : ChangedBy(request);
    }

    /// <summary>
    /// Every staff step on one request has this shape: load it at the version the page showed, apply the step
    /// (which may refuse), commit. The step gets the moment it happens at.
    /// </summary>
    public async Task<Result<CancellationRequest>> ChangeAsync(
        Guid requestId, long expectedVersion, Func<CancellationRequest, DateTimeOffset, Result> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var loaded = await LoadForChangeAsync(requestId, expectedVersion, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var request = loaded.Value!;
        var applied = step(request, clock.GetUtcNow());
        if (!applied.IsSuccess)
        {
            return applied.Error!;
        }

        var saved = await SaveAsync(request, cancellationToken);
        return saved.IsSuccess ? request : saved.Error!;
    }

    /// <summary>The request with its order, lines, audit steps, refunds and repayments, tracked for a change.</summary>
    public async Task<CancellationRequest?> LoadAsync(Guid requestId, CancellationToken cancellationToken)
    {
        // The refunds and repayments are read before the request's row. Every change of one moves the request's version, so
        // when that version is the one the page showed, these are the refunds that go with it; read after the row,
        // a refund committed in between would sit beside a decision that is not there yet.
        await db.Refunds.Where(r => r.RequestId == requestId).LoadAsync(cancellationToken);
        await db.Repayments.Where(r => r.RequestId == requestId).LoadAsync(cancellationToken);
        return await db.CancellationRequests
            .Include(r => r.Order).ThenInclude(o => o.Lines)
            .Include(r => r.AuditEntries)
            // Lines and audit entries in one join would repeat every line for every entry.
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
    }

    /// <summary>The currency of a request's order, which typed amounts are read in; null for an unknown request.</summary>
    public Task<string?> CurrencyOfRequestAsync(Guid requestId, CancellationToken cancellationToken) =>
        db.CancellationRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.Order.Currency).SingleOrDefaultAsync(cancellationToken);

    /// <summary>What is on the shelf now for each SKU, so staff see what restocking would give back.</summary>
    public Task<Dictionary<string, int>> StockOnHandAsync(IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var list = skus.Distinct().ToList();
        return db.StockItems.AsNoTracking().Where(s => list.Contains(s.Sku)).ToDictionaryAsync(s => s.Sku, s => s.OnHand, cancellationToken);
    }

    internal static Error ChangedBy(CancellationRequest request) => Error.Conflict(
        $"This request was changed by {request.LastChangedByName} at {EmailTemplates.Stamp(request.LastChangedAt)}. Here is its current state.");

    /// <summary>
    /// Commits the unit of work. A lost race becomes a Conflict naming who won: a stale version
    /// (optimistic concurrency) or the unique index on open requests.
    /// </summary>
    public async Task<Result> SaveAsync(CancellationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            await unitOfWork.SaveAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation())
        {
            var wasNew = db.Entry(request).State == EntityState.Added;
            var loadedVersion = db.Entry(request).Property(r => r.Version).OriginalValue;
            db.ChangeTracker.Clear();
            var current = wasNew ? null : await db.CancellationRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.Id, cancellationToken);
            if (current is not null && current.Version != loadedVersion)
            {
                // Another staff member's change got there first (the credit note or refund they wrote is what an index caught).
                return ChangedBy(current);
            }

            // A new request lost the race for the order; otherwise nobody touched this request, and another
            // cancellation saved the same stock rows or took the same document number (counter row or the number's
            // unique index) at the same moment: blaming a colleague would be wrong, and trying again works.
            return wasNew && ex is not DbUpdateConcurrencyException
                ? Error.Conflict("A cancellation has already been requested for this order.")
                : Error.Conflict("Another cancellation was saved at the same moment and used the same stock or the same credit-note or invoice number series. Nothing was saved: please try again.");
        }
    }
}
