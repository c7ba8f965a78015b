using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.BackOffice.Pages.Requests;

public sealed class DetailsModel(CancellationService cancellations, RefundRulesSource refundRules, ISender sender) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Posted by the confirmation step's confirm button: only then is an irreversible action taken.</summary>
    [BindProperty(Name = BackOffice.Confirmation.ConfirmedField)]
    public bool Confirmed { get; set; }

    [BindProperty(Name = BackOffice.Confirmation.GoBackField)]
    public bool GoBack { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Set when the page asks to confirm what was just posted.</summary>
    public Confirmation? Confirmation { get; private set; }

    public CancellationRequest Cancellation { get; private set; } = null!;
    public IReadOnlyList<Refund> Refunds => Cancellation.Refunds;
    public PolicyAnswer Policy { get; private set; }
    public Money Remaining => Cancellation.Remaining;
    public IReadOnlyDictionary<string, int> Stock { get; private set; } = new Dictionary<string, int>();
    public DecisionFormContext DecisionContext { get; private set; } = null!;
    private RefundRules Rules { get; set; } = null!;

    private const string DecisionPrefix = $"{nameof(Input)}.{nameof(InputModel.Decision)}";

    public bool IsActionable => Cancellation.Status is CancellationStatus.Requested or CancellationStatus.InProgress;
    public bool CanRevertFulfillment => IsActionable && Cancellation.Order.FulfillmentStatus == Domain.Orders.FulfillmentStatus.FulfillmentInProgress;
    public bool CanCancelWithSupplier => IsActionable && Cancellation.Order.SupplierStatus == Domain.Orders.SupplierOrderStatus.Placed;
    public bool CanDecide => Cancellation.CanDecide && Policy.CanCancelNow();
    public bool CanIssueRefund => Cancellation.CanComplete && Cancellation.Decision is not null && Remaining.Amount > 0m;

    /// <summary>When the page offers no action: what the request waits for, or that nothing is left to do.</summary>
    public string WaitingFor
    {
        get
        {
            var currency = Cancellation.Order.Currency;
            string Sum(RefundStatus status) =>
                Money.Format(Refunds.Where(r => r.Status == status).Sum(r => r.Amount), currency);
            return Cancellation.Status switch
            {
                CancellationStatus.AwaitingRepayment => $"Waiting for the shopper to repay {Cancellation.RepaymentDue} before the order is active again.",
                CancellationStatus.Canceled => "The order is canceled and its refunds are settled. If the shopper wants it after all, undo the cancellation.",
                CancellationStatus.Rejected => "The request was rejected. Nothing is left to do.",
                CancellationStatus.Withdrawn => "The shopper withdrew the request. Nothing is left to do.",
                CancellationStatus.Undone => "The cancellation was undone and the order is active again. Nothing is left to do.",
                _ when Refunds.Any(r => r.Status == RefundStatus.Pending) =>
                    $"Waiting for {DecisionContext.GatewayName} to confirm the refund of {Sum(RefundStatus.Pending)}. The request completes when it does.",
                _ => $"{Policy.Describe()} Nothing can be done on this request now.",
            };
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) =>
        RunAsync(
            async () => (await sender.Send(new AcceptCancellationRequest(Id, Input.Version, User.ToStaffActor()), cancellationToken)).Error,
            "Request accepted and assigned to you.",
            cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) =>
        ConfirmFirstAsync(
            // The same form error, and status, the command's validator gives once confirmed.
            () => CancellationRequest.CheckRejectionReason(Input.RejectReason) is { } refused
                ? Result<Confirmation>.Fail(Error.Form([refused]))
                : Result<Confirmation>.Ok(Confirmation.Reject("Reject", Cancellation.Order, Input.RejectReason!)),
            async () => (await sender.Send(new RejectCancellationRequest(Id, Input.Version, Input.RejectReason, User.ToStaffActor()), cancellationToken)).Error,
            "Request rejected.",
            _ => $"{nameof(Input)}.{nameof(InputModel.RejectReason)}",
            cancellationToken);

    public Task<IActionResult> OnPostRevertFulfillmentAsync(CancellationToken cancellationToken) =>
        RunAsync(async () => (await sender.Send(new RevertFulfillment(Id, Input.Version, User.ToStaffActor()), cancellationToken)).Error, "Fulfillment request reverted.", cancellationToken);

    public Task<IActionResult> OnPostSupplierCanceledAsync(CancellationToken cancellationToken) =>
        RunAsync(async () => (await sender.Send(new MarkCanceledWithSupplier(Id, Input.Version, User.ToStaffActor()), cancellationToken)).Error, "Marked as canceled with the supplier.", cancellationToken);

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken cancellationToken) =>
        ConfirmFirstAsync(
            () =>
            {
                if (Input.Decision.ToInput(Cancellation.Order.Currency, ModelState, DecisionPrefix) is not { } input)
                {
                    return null;
                }

                var decision = Cancellation.PreviewDecision(input, Rules);
                return decision.IsSuccess
                    ? Result<Confirmation>.Ok(Confirmation.Decide("Complete", Cancellation.Order, decision.Value!))
                    : Result<Confirmation>.Fail(decision.Error!);
            },
            () => InCurrencyAsync(async currency =>
            {
                if (Input.Decision.ToInput(currency, ModelState, DecisionPrefix) is not { } input)
                {
                    return null;
                }

                return (await sender.Send(new DecideCancellation(Id, Input.Version, input, User.ToStaffActor()), cancellationToken)).Error;
            }, cancellationToken),
            "Decision recorded.",
            field => $"{DecisionPrefix}.{field}",
            cancellationToken);

    public Task<IActionResult> OnPostIssueRefundAsync(CancellationToken cancellationToken) =>
        ConfirmFirstAsync(
            () => ReadRefund(Cancellation.Order.Currency) is { } refund
                ? Result<Confirmation>.Ok(Confirmation.Refund("IssueRefund", Cancellation.Order, refund.Method, refund.Amount))
                : (Result<Confirmation>?)null,
            () => InCurrencyAsync(
                async currency => ReadRefund(currency) is { } refund
                    ? (await sender.Send(new IssueRefund(Id, Input.Version, refund.Method, refund.Amount, User.ToStaffActor()), cancellationToken)).Error
                    : null,
                cancellationToken),
            "Refund issued.",
            field => $"{nameof(Input)}.Refund{field}",
            cancellationToken);

    public Task<IActionResult> OnPostRecordTransferAsync(CancellationToken cancellationToken) =>
        RunAsync(
            async () => (await sender.Send(new RecordBankTransfer(Id, Input.Version, Input.RefundId ?? Guid.Empty, Input.TransferReference, User.ToStaffActor()), cancellationToken)).Error,
            "Bank transfer recorded.",
            cancellationToken,
            field => $"{nameof(Input)}.Transfer{field}");

    public Task<IActionResult> OnPostCancelTransferAsync(CancellationToken cancellationToken) =>
        RunAsync(
            async () => (await sender.Send(new CancelBankTransfer(Id, Input.Version, Input.RefundId ?? Guid.Empty, User.ToStaffActor()), cancellationToken)).Error,
            "Bank transfer canceled. Refund the amount another way.",
            cancellationToken);

    /// <summary>An incoming bank transfer from the shopper towards an undo; any amount, the rest stays due.</summary>
    public Task<IActionResult> OnPostRecordRepaymentAsync(CancellationToken cancellationToken) =>
        RunAsync(
            () => InCurrencyAsync(
                async currency =>
                {
                    var amount = AmountText.Parse(Input.RepaymentAmount, currency, out var unreadable);
                    if (unreadable is not null)
                    {
                        ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.RepaymentAmount)}", unreadable);
                        return null;
                    }

                    return (await sender.Send(new RecordRepayment(Id, Input.Version, amount!.Value, Input.RepaymentReference, User.ToStaffActor()), cancellationToken)).Error;
                },
                cancellationToken),
            "Repayment recorded.",
            cancellationToken,
            field => $"{nameof(Input)}.Repayment{field}");

    public Task<IActionResult> OnPostCancelUndoAsync(CancellationToken cancellationToken) =>
        RunAsync(
            async () => (await sender.Send(new CancelUndo(Id, Input.Version, User.ToStaffActor()), cancellationToken)).Error,
            "Undo canceled: the order stays canceled.",
            cancellationToken);

    public Task<IActionResult> OnPostResendEmailAsync(Guid emailId, CancellationToken cancellationToken) =>
        RunAsync(async () => (await sender.Send(new ResendEmail(emailId, Id), cancellationToken)).Error, "The email is being sent again.", cancellationToken);

    /// <summary>The refund form's method and amount, or null with each problem beside its field.</summary>
    private (RefundMethod Method, decimal Amount)? ReadRefund(string currency)
    {
        var amount = AmountText.Parse(Input.RefundAmount, currency, out var unreadable);
        if (unreadable is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.RefundAmount)}", unreadable);
        }

        if (Input.RefundMethod is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.RefundMethod)}", "Choose a refund method.");
        }

        return ModelState.IsValid ? (Input.RefundMethod!.Value, amount!.Value) : null;
    }

    /// <summary>Runs an action that reads typed amounts in the order's currency.</summary>
    private async Task<Error?> InCurrencyAsync(Func<string, Task<Error?>> action, CancellationToken cancellationToken) =>
        await cancellations.CurrencyOfRequestAsync(Id, cancellationToken) is { } currency
            ? await action(currency)
            : Error.NotFound("No such cancellation request.");

    /// <summary>
    /// An action that cannot be taken back: the first post shows what is about to happen (or what is wrong
    /// with the form), "Go back" shows the filled form again, and only the confirmed post runs it.
    /// </summary>
    /// <param name="preview">The confirmation, a refusal, or null when the form itself has errors (in ModelState).</param>
    private async Task<IActionResult> ConfirmFirstAsync(
        Func<Result<Confirmation>?> preview, Func<Task<Error?>> action, string success, Func<string, string> fieldKey, CancellationToken cancellationToken)
    {
        if (Confirmed && !GoBack)
        {
            return await RunAsync(action, success, cancellationToken, fieldKey);
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (GoBack)
        {
            return Page();
        }

        var previewed = ModelState.IsValid ? preview() : null;
        if (previewed is { IsSuccess: true } confirmation)
        {
            Confirmation = confirmation.Value;
            return Page();
        }

        return ShowRefused(previewed?.Error, fieldKey);
    }

    /// <summary>Runs one action; on refusal shows the page again with the message, the current state and a 4xx status.</summary>
    /// <param name="fieldKey">Turns the use case's field into the form's, so a message naming a field shows beside it.</param>
    private async Task<IActionResult> RunAsync(Func<Task<Error?>> action, string success, CancellationToken cancellationToken, Func<string, string>? fieldKey = null)
    {
        // Input that cannot even be read (a word for an amount, an unknown method) never reaches the use case.
        var error = ModelState.IsValid ? await action() : null;
        if (ModelState.IsValid && error is null)
        {
            StatusMessage = success;
            return RedirectToPage(new { id = Id });
        }

        return await LoadAsync(cancellationToken) ? ShowRefused(error, fieldKey) : NotFound();
    }

    /// <summary>The loaded page again with the refusal (or the form's own errors) and a 4xx status.</summary>
    private PageResult ShowRefused(Error? error, Func<string, string>? fieldKey)
    {
        Response.StatusCode = error.ToStatusCode();
        // A refused form brings one error per field; any other refusal is one message.
        if (error is { FieldErrors.Count: > 0 })
        {
            ModelState.AddFieldErrors(error, fieldKey);
        }
        else if (error is not null)
        {
            ModelState.AddModelError(error.Field is null || fieldKey is null ? string.Empty : fieldKey(error.Field), error.Message);
        }

        // Forms carry the version now on screen, so the next try acts on what the staff member sees.
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
        Input.Version = Cancellation.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var request = await cancellations.LoadAsync(Id, cancellationToken);
        if (request is null)
        {
            return false;
        }

        Cancellation = request;
        Input.Version = request.Version;
        Policy = CancellationPolicy.Evaluate(request.Order, hasOpenRequest: false);
        Stock = await cancellations.StockOnHandAsync(request.Order.Lines.Select(l => l.Sku), cancellationToken);
        Rules = await refundRules.LoadAsync(cancellationToken);
        DecisionContext = DecisionFormContext.For(request.Order, Rules);
        return true;
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public string? RejectReason { get; set; }
        public DecisionForm Decision { get; set; } = new();
        public RefundMethod? RefundMethod { get; set; }
        /// <summary>As typed: read with the order's currency.</summary>
        public string? RefundAmount { get; set; }
        public Guid? RefundId { get; set; }
        public string? TransferReference { get; set; }

        /// <summary>As typed: read with the order's currency.</summary>
        public string? RepaymentAmount { get; set; }
        public string? RepaymentReference { get; set; }
    }
}
