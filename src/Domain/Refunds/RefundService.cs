using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Customers;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Refunds;

/// <summary>
/// Issues the refunds of a decided cancellation, one per method: store credit and points land on the
/// shopper's ledgers at once, a bank transfer waits for staff to record its reference, and a card refund
/// goes to the payment gateway after its Refund row is committed (the row id is the idempotency key).
/// After every outcome the request completes if its refunds settled in full.
/// </summary>
public sealed partial class RefundService(
    AppDbContext db,
    CancellationService cancellations,
    CancellationCompletion completion,
    IPaymentGateway gateway,
    RefundSettlement settlement,
    IOptions<RefundOptions> options,
    TimeProvider clock,
    ILogger<RefundService> logger)
{
    public string GatewayName => gateway.DisplayName;

    public Task<List<Refund>> ListAsync(Guid requestId, CancellationToken cancellationToken) =>
        db.Refunds.AsNoTracking().Where(r => r.RequestId == requestId).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>What is still to be refunded, from the request's refunds as committed.</summary>
    private async Task<Money> RemainingAsync(CancellationRequest request, CancellationToken cancellationToken)
    {
        var refunds = await db.Refunds.AsNoTracking().Where(r => r.RequestId == request.Id).ToListAsync(cancellationToken);
        return RefundBalance.Remaining(request.Decision, refunds, request.Order.Currency);
    }

    /// <summary>Why a method cannot refund this order now, or null when it can.</summary>
    public string? WhyNot(Order order, RefundMethod method)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.IsDisputed)
        {
            return "The shopper disputed this payment with their bank: no refund can be issued while the dispute is open, or the money would go back twice.";
        }

        if (method == RefundMethod.Points && !string.Equals(order.Currency, options.Value.PointsCurrency, StringComparison.OrdinalIgnoreCase))
        {
            return $"Points are valued in {options.Value.PointsCurrency}, so this {order.Currency} order cannot be refunded in points. Choose store credit, bank transfer or the card.";
        }

        if (method != RefundMethod.OriginalPayment)
        {
            return null;
        }

        if (!gateway.IsAvailable)
        {
            return "Card refunds are not available: no payment gateway is configured. Choose store credit, bank transfer or points.";
        }

        return order.PaymentMethod == PaymentMethod.Card && !string.IsNullOrEmpty(order.PaymentReference)
            ? null
            : "This order was not paid by card, so there is no card payment to refund.";
    }

    /// <summary>Issues a refund for a request that is loaded (and possibly changed) in this unit of work, then commits.</summary>
    public async Task<Result<Refund>> IssueAsync(CancellationRequest request, RefundMethod method, decimal amount, Actor staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var order = request.Order;
        if (request.Decision is null || !request.CanComplete)
        {
            return Error.NotAllowed("Refunds are issued once a decision has been recorded on a request in progress.");
        }

        if (!Enum.IsDefined(method))
        {
            return Error.Invalid("Choose a refund method from the list.");
        }

        if (WhyNot(order, method) is { } refused)
        {
            return Error.NotAllowed(refused);
        }

        var remaining = await RemainingAsync(request, cancellationToken);
        if (amount <= 0m)
        {
            return Error.Invalid("The refund amount must be more than zero.");
        }

        if (amount > remaining.Amount)
        {
            return await RefusedUnlessChangedAsync(
                request,
                Error.Invalid($"The refund of {Money.Format(amount, order.Currency)} is more than what is left to refund ({remaining})."),
                cancellationToken);
        }

        if (!Money.FitsCurrency(amount, order.Currency))
        {
            return Error.Invalid($"{order.Currency} amounts cannot have that many decimals.");
        }

        // A new attempt clears the flag of an earlier failure; it is raised again if this one fails too.
        request.FlagFailedRefund(false);
        var now = clock.GetUtcNow();
        var refund = Refund.Create(request.Id, order.Id, method, new Money(amount, order.Currency), staff.Name, now);
        db.Refunds.Add(refund);
        switch (method)
        {
            case RefundMethod.StoreCredit:
                refund.Succeed($"store-credit:{refund.Id:N}", now);
                db.StoreCreditEntries.Add(new StoreCreditEntry(order.CustomerId, amount, order.Currency, $"Refund for canceled order {order.Number}", refund.Id, now));
                request.Note(staff, now, AuditKind.RefundIssued, $"{refund.Money} as store credit");
                break;
            case RefundMethod.Points:
                var settings = await db.StoreSettings.AsNoTracking().SingleAsync(cancellationToken);
                var points = (long)Math.Round(amount * settings.PointsPerCurrencyUnit, MidpointRounding.AwayFromZero);
                refund.Succeed($"points:{points}", now);
                db.PointsEntries.Add(new PointsEntry(order.CustomerId, points, $"Refund for canceled order {order.Number}", refund.Id, now));
                request.Note(staff, now, AuditKind.RefundIssued, $"{refund.Money} as {points} points");
                break;
            case RefundMethod.BankTransfer:
                request.Note(staff, now, AuditKind.BankTransferStarted, $"{refund.Money}: waiting for the transfer reference");
                break;
            case RefundMethod.OriginalPayment:
                request.Note(staff, now, AuditKind.CardRefundStarted, $"{refund.Money} to the original card payment");
                return await RefundCardAsync(request, refund, staff, cancellationToken);
        }

        var saved = await SettleAndSaveAsync(request, staff, now, cancellationToken);
        return saved.IsSuccess ? refund : saved.Error!;
    }

    /// <summary>Staff made the bank transfer: its reference settles the pending refund.</summary>
    public async Task<Result<Refund>> RecordBankTransferAsync(Guid requestId, long expectedVersion, Guid refundId, string? reference, Actor staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var loaded = await LoadPendingTransferAsync(requestId, expectedVersion, refundId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (request, refund) = loaded.Value;

        if (string.IsNullOrWhiteSpace(reference))
        {
            return Error.Invalid("Enter the bank transfer reference.");
        }

        if (reference.Trim().Length > 200)
        {
            return Error.Invalid("The transfer reference can be at most 200 characters.");
        }

        var now = clock.GetUtcNow();
        refund.Succeed(reference.Trim(), now);
        request.Note(staff, now, AuditKind.BankTransferRecorded, $"{refund.Money}, reference {reference.Trim()}");
        var saved = await SettleAndSaveAsync(request, staff, now, cancellationToken);
        return saved.IsSuccess ? refund : saved.Error!;
    }

    /// <summary>
    /// The bank transfer will not be made (wrong account, the shopper prefers another method): the pending
    /// refund stops counting and the request is flagged, so the queue shows it and the retry form offers another method.
    /// </summary>
    public async Task<Result<Refund>> CancelBankTransferAsync(Guid requestId, long expectedVersion, Guid refundId, Actor staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var loaded = await LoadPendingTransferAsync(requestId, expectedVersion, refundId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (request, refund) = loaded.Value;

        var now = clock.GetUtcNow();
        var canceled = refund.Cancel(now);
        if (!canceled.IsSuccess)
        {
            return canceled.Error!;
        }

        request.Note(staff, now, AuditKind.BankTransferCanceled, $"{refund.Money}: choose another way to refund it");
        request.FlagFailedRefund(true);
        var saved = await cancellations.SaveAsync(request, cancellationToken);
        return saved.IsSuccess ? refund : saved.Error!;
    }

    /// <summary>The request staff are changing and one of its bank transfers that is still waiting to be made.</summary>
    private async Task<Result<(CancellationRequest Request, Refund Refund)>> LoadPendingTransferAsync(
        Guid requestId, long expectedVersion, Guid refundId, CancellationToken cancellationToken)
    {
        var loaded = await cancellations.LoadForChangeAsync(requestId, expectedVersion, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var request = loaded.Value!;
        var refund = await db.Refunds.SingleOrDefaultAsync(r => r.Id == refundId && r.RequestId == requestId, cancellationToken);
        if (refund is null || refund.Method != RefundMethod.BankTransfer || refund.Status != RefundStatus.Pending)
        {
            return await RefusedUnlessChangedAsync(request, Error.NotAllowed("There is no pending bank transfer with that id on this request."), cancellationToken);
        }

        return (request, refund);
    }

    private async Task<Result<Refund>> RefundCardAsync(CancellationRequest request, Refund refund, Actor staff, CancellationToken cancellationToken)
    {
        var order = request.Order;

        // The Pending row is committed before the gateway is called: its id is the idempotency key.
        var committed = await cancellations.SaveAsync(request, cancellationToken);
        if (!committed.IsSuccess)
        {
            return committed.Error!;
        }

        var reason = request.Decision!.Reason.ToDisplay();
        GatewayRefundResult outcome;
        try
        {
            outcome = await gateway.RefundAsync(
                new GatewayRefundRequest(refund.Id, order.PaymentReference!, refund.Money, order.Number, reason), cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            // The provider may or may not have the refund: it stays Pending and reconciliation settles it.
            LogGatewayUnreachable(ex, refund.Id);
            return refund;
        }

        var now = clock.GetUtcNow();
        if (outcome.IsOutcomeUnknown)
        {
            // The provider may or may not have it: the row stays pending under the same key for reconciliation.
            request.Note(staff, now, AuditKind.CardRefundOutcomeUnknown, outcome.FailureMessage);
        }
        else
        {
            await settlement.ApplyAsync(refund, outcome, staff, now, cancellationToken);
        }

        var saved = await SettleAndSaveAsync(request, staff, now, cancellationToken);
        return saved.IsSuccess ? refund : saved.Error!;
    }

    /// <summary>Completes the request when its refunds settled in full (which tells the shopper), and commits.</summary>
    public async Task<Result> SettleAndSaveAsync(CancellationRequest request, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await completion.CompleteIfSettledAsync(request, actor, now, cancellationToken);
        return await cancellations.SaveAsync(request, cancellationToken);
    }

    /// <summary>
    /// A refusal based on refunds read after the request was loaded: when another staff member changed the
    /// request in between, that change is the real answer.
    /// </summary>
    private async Task<Error> RefusedUnlessChangedAsync(CancellationRequest request, Error refusal, CancellationToken cancellationToken)
    {
        var current = await db.CancellationRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.Id, cancellationToken);
        if (current is null || current.Version == request.Version)
        {
            return refusal;
        }

        // What this unit of work loaded is out of date: whoever reads next must see the current state.
        db.ChangeTracker.Clear();
        return CancellationService.ChangedBy(current);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment gateway unreachable for refund {RefundId}; it stays pending")]
    private partial void LogGatewayUnreachable(Exception exception, Guid refundId);
}
