using System.Security.Claims;
using CancellationPortal.Domain;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Portal.Orders;
using CancellationPortal.Web;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Pages.Account.Orders;

/// <summary>
/// One order of the signed-in shopper: lines, payment, shipping, and the cancellation request (request in two
/// steps, follow, withdraw in two steps). Another shopper's order answers 404, like one that does not exist.
/// </summary>
[ServiceFilter<RequestSubmissionLimit>]
public sealed class DetailsModel(AppDbContext db, ISender sender, IEnumerable<IValidator<RequestCancellation>> requestValidators) : PageModel
{
    public enum Step
    {
        View,
        ConfirmRequest,
        ConfirmWithdraw,
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Why the last action was refused, shown above the order.</summary>
    public string? ErrorMessage { get; private set; }

    public Step CurrentStep { get; private set; } = Step.View;
    public Order Order { get; private set; } = null!;
    public ShopperOrderStatus Status { get; private set; } = null!;
    public PolicyAnswer Policy { get; private set; }

    /// <summary>What the policy says once any open request is set aside: tells whether a shipment must be stopped first.</summary>
    public PolicyAnswer PolicyWithoutRequest { get; private set; }

    public RequestView? LatestRequest { get; private set; }
    public IReadOnlyList<TimelineStep> Timeline { get; private set; } = [];

    /// <summary>What goes back to the shopper on an accepted or canceled request, in the shopper's words.</summary>
    public string? WhatGoesBack { get; private set; }

    public bool CanRequest => Policy.TakesRequest();
    public bool CanWithdraw => LatestRequest?.Status == CancellationStatus.Requested;

    /// <summary>The shopper may still ask to keep the canceled order (the store's window is open and they have not asked yet).</summary>
    public bool CanAskToKeep { get; private set; }

    /// <summary>What the shopper still has to pay to keep the order, while an undo waits for it.</summary>
    public Money? RepaymentDue => LatestRequest is { Status: CancellationStatus.AwaitingRepayment } request
        ? new Money(Math.Max(0m, request.StillDue), Order.Currency)
        : null;

    public static IEnumerable<ShopperReason> Reasons => Enum.GetValues<ShopperReason>();

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    /// <summary>Step one: check the reason and comment, then ask the shopper to confirm.</summary>
    public async Task<IActionResult> OnPostRequestAsync(string number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        if (!CanRequest)
        {
            return Refused(Error.NotAllowed(Policy.Describe()));
        }

        var invalid = await requestValidators.CheckAsync(RequestCommand, cancellationToken);
        if (invalid is not null)
        {
            return Refused(invalid);
        }

        CurrentStep = Step.ConfirmRequest;
        return Page();
    }

    /// <summary>Step two: submit the request. A second submit finds the first request and changes nothing.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        var result = await sender.Send(RequestCommand, cancellationToken);
        if (!result.IsSuccess)
        {
            return await RefusedAfterReloadAsync(number, result.Error!, cancellationToken);
        }

        var request = result.Value!;
        StatusMessage = request.Status == CancellationStatus.Canceled
            ? $"Order {number} was canceled on {EmailTemplates.Stamp(request.ClosedAt ?? request.RequestedAt)}. {ShopperSentences.Canceled(Order, [], null)} We have emailed you a confirmation."
            : $"Your cancellation request for order {number} was received on {EmailTemplates.Stamp(request.RequestedAt)}. We have emailed you a confirmation.";
        return RedirectToPage(new { number });
    }

    /// <summary>Step one of withdrawing: ask the shopper to confirm.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(string number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        if (!CanWithdraw)
        {
            return Refused(NothingToWithdraw);
        }

        CurrentStep = Step.ConfirmWithdraw;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmWithdrawAsync(string number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        if (!CanWithdraw)
        {
            return Refused(NothingToWithdraw);
        }

        var result = await sender.Send(new WithdrawCancellationRequest(LatestRequest!.Id, Shopper), cancellationToken);
        if (!result.IsSuccess)
        {
            return await RefusedAfterReloadAsync(number, result.Error!, cancellationToken);
        }

        var request = result.Value!;
        StatusMessage = $"You withdrew your cancellation request for order {number} on {EmailTemplates.Stamp(request.ClosedAt ?? request.LastChangedAt)}. The order goes ahead as planned. We have emailed you a confirmation.";
        return RedirectToPage(new { number });
    }

    /// <summary>"I changed my mind — keep my order" on a canceled order, within the store's window: staff decide.</summary>
    public async Task<IActionResult> OnPostKeepAsync(string number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        var result = await sender.Send(new AskToKeepOrder(number, Shopper), cancellationToken);
        if (!result.IsSuccess)
        {
            return await RefusedAfterReloadAsync(number, result.Error!, cancellationToken);
        }

        StatusMessage = $"We received your request to keep order {number}. Our team checks it and emails you: if part of your refund already reached you, it has to be paid again first.";
        return RedirectToPage(new { number });
    }

    private static readonly Error NothingToWithdraw =
        Error.NotAllowed("There is no cancellation request to withdraw: only a request that has not been accepted yet can be withdrawn.");

    private string CustomerId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private Actor Shopper => Actor.Shopper(CustomerId, User.Identity?.Name ?? "Shopper");

    private RequestCancellation RequestCommand => new(Order.Id, Input.Reason, Input.Comment, Shopper);

    /// <summary>The page again with the refusal (a form's errors beside their fields) and its 4xx status.</summary>
    private PageResult Refused(Error error)
    {
        ModelState.AddFieldErrors(error);
        ErrorMessage = error.ToPageMessage();
        Response.StatusCode = error.ToStatusCode();
        return Page();
    }

    /// <summary>The use case refused: show the order as it is now (with any request that won the race).</summary>
    private async Task<IActionResult> RefusedAfterReloadAsync(string number, Error error, CancellationToken cancellationToken)
    {
        if (error.Kind == ErrorKind.NotFound || !await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        return Refused(error);
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        var customerId = CustomerId;
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.Number == number && o.CustomerId == customerId, cancellationToken);
        if (order is null)
        {
            return false;
        }

        Order = order;
        var requests = await db.CancellationRequests.AsNoTracking()
            .Where(r => r.OrderId == order.Id)
            .OrderByDescending(r => r.RequestedAt)
            .Select(r => new RequestView(
                r.Id,
                r.Status,
                r.ShopperReason,
                r.Comment,
                r.RequestedAt,
                r.RejectionReason,
                r.ClosedAt,
                r.Decision == null ? null : r.Decision.RefundAmount,
                r.Decision == null ? null : r.Decision.RefundMethod,
                r.Decision == null ? null : r.Decision.KeptReason,
                r.AmountDue - r.Repayments.Where(p => p.Status == RepaymentStatus.Received).Sum(p => p.Amount),
                r.UndoAskedAt))
            .ToListAsync(cancellationToken);
        LatestRequest = requests.FirstOrDefault();
        WhatGoesBack = await WhatGoesBackAsync(order, LatestRequest, cancellationToken);
        // Requests of one order follow each other; within a request, steps written in one instant keep their order.
        Timeline = await db.AuditEntries.AsNoTracking()
            .Where(a => a.OrderId == order.Id)
            .ShownToShopper()
            .Join(db.CancellationRequests, a => a.RequestId, r => r.Id, (a, r) => new { Entry = a, r.RequestedAt })
            .OrderBy(x => x.RequestedAt).ThenBy(x => x.Entry.RequestId).ThenBy(x => x.Entry.Sequence)
            .Select(x => new TimelineStep(x.Entry.At, x.Entry.Kind, x.Entry.ToStatus))
            .ToListAsync(cancellationToken);

        CanAskToKeep = LatestRequest is { Status: CancellationStatus.Canceled, UndoAskedAt: null, ClosedAt: { } closed }
            && await db.StoreSettings.AsNoTracking().Select(s => s.ShopperUndoWindowDays).SingleAsync(cancellationToken) is var window and > 0
            && DateTimeOffset.UtcNow - closed <= TimeSpan.FromDays(window);
        var hasOpen = requests.Any(r => r.Status.IsOpen());
        Policy = CancellationPolicy.Evaluate(order, hasOpen);
        PolicyWithoutRequest = CancellationPolicy.Evaluate(order, hasOpenRequest: false);
        Status = OrderStatusWords.Describe(order.IsCanceled, order.FulfillmentStatus, order.SupplierStatus, LatestRequest?.Status);
        return true;
    }

    private async Task<string?> WhatGoesBackAsync(Order order, RequestView? request, CancellationToken cancellationToken)
    {
        switch (request?.Status)
        {
            case CancellationStatus.InProgress:
                return ShopperSentences.InProgress(order, request.RefundAmount, request.RefundMethod, request.KeptReason);
            case CancellationStatus.Canceled:
                var refunded = await db.Refunds.AsNoTracking()
                    .Where(r => r.RequestId == request.Id && r.Status == RefundStatus.Succeeded)
                    .OrderBy(r => r.CreatedAt)
                    .Select(r => new { r.Amount, r.Currency, r.Method })
                    .ToListAsync(cancellationToken);
                return ShopperSentences.Canceled(order, [.. refunded.Select(r => new RefundedMoney(new Money(r.Amount, r.Currency), r.Method))], request.KeptReason);
            default:
                return null;
        }
    }

    public sealed class InputModel
    {
        public string? Reason { get; set; }
        public string? Comment { get; set; }
    }

    public sealed record RequestView(
        Guid Id,
        CancellationStatus Status,
        ShopperReason? Reason,
        string? Comment,
        DateTimeOffset RequestedAt,
        string? RejectionReason,
        DateTimeOffset? ClosedAt,
        decimal? RefundAmount,
        RefundMethod? RefundMethod,
        string? KeptReason,
        decimal StillDue,
        DateTimeOffset? UndoAskedAt);

    public sealed record TimelineStep(DateTimeOffset At, AuditKind Kind, CancellationStatus ToStatus);
}
