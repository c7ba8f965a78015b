using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>The request reached Canceled: the order is canceled; stock, ledgers and invoices follow.</summary>
/// <param name="Restock">Put the items back on the shelf (never for a drop-ship order).</param>
public sealed record CancellationCompleted(CancellationRequest Request, Actor Actor, DateTimeOffset At, bool Restock) : IDomainEvent;

/// <summary>
/// The shopper is to be told the order is canceled. Raised after <see cref="CancellationCompleted"/>, so the email
/// can name the documents its handlers issued.
/// </summary>
/// <param name="AtOnce">Canceled the moment the shopper asked, with nothing to refund.</param>
public sealed record ShopperToldOfCancellation(CancellationRequest Request, DateTimeOffset At, bool AtOnce) : IDomainEvent;

/// <summary>A refund paid into one of the shopper's ledgers with the store: store credit, or points.</summary>
/// <param name="Points">The points it bought back; null for store credit.</param>
public sealed record RefundPaidToLedger(CancellationRequest Request, Refund Refund, long? Points, DateTimeOffset At) : IDomainEvent;

/// <summary>A card refund needs a person: it failed, was reversed after succeeding, or another amount was reported.</summary>
/// <param name="Reported">What the provider reported instead of the amount asked for, when that is the problem.</param>
public sealed record CardRefundNeedsStaff(CancellationRequest Request, Refund Refund, CardRefundProblem Problem, Money? Reported, DateTimeOffset At) : IDomainEvent;

public enum CardRefundProblem
{
    Failed,
    Reversed,
    AmountDiffers,
}

/// <summary>
/// Nothing is due any more on an undo: the order is active again. Its stock is re-reserved, a credit note is
/// answered with a new invoice, and the shopper is told.
/// </summary>
public sealed record CancellationUndone(CancellationRequest Request, Actor Actor, DateTimeOffset At) : IDomainEvent;

/// <summary>The shopper is told the order is active again; raised after <see cref="CancellationUndone"/>, so the email can name the new invoice.</summary>
public sealed record ShopperToldOfUndo(CancellationRequest Request, DateTimeOffset At) : IDomainEvent;

/// <summary>An undo waits for the shopper to pay back what reached them: they are told how much and how.</summary>
public sealed record UndoAwaitsRepayment(CancellationRequest Request, DateTimeOffset At) : IDomainEvent;

/// <summary>An undo's repayment is overdue: the shopper is reminded of what is due.</summary>
public sealed record ShopperRemindedOfRepayment(CancellationRequest Request, DateTimeOffset At) : IDomainEvent;

/// <summary>An undo took store credit or points back from the shopper (negative), or gave them back when it was canceled.</summary>
public sealed record UndoMovedLedger(CancellationRequest Request, decimal StoreCredit, long Points, string Description, DateTimeOffset At) : IDomainEvent;
