using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.BackOffice.Pages.Requests;

public sealed class DetailsModel(CancellationService cancellations, CancellationDecisionService decisions, RefundService refunds) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public CancellationRequest Cancellation { get; private set; } = null!;
    public IReadOnlyList<Refund> Refunds { get; private set; } = [];
    public PolicyAnswer Policy { get; private set; }
    public decimal Remaining { get; private set; }
    public IReadOnlyDictionary<string, int> Stock { get; private set; } = new Dictionary<string, int>();
    public DecisionFormContext DecisionContext { get; private set; } = null!;

    public bool IsActionable => Cancellation.Status is CancellationStatus.Requested or CancellationStatus.InProgress;
    public bool CanRevertFulfillment => IsActionable && Cancellation.Order.FulfillmentStatus == Domain.Orders.FulfillmentStatus.FulfillmentInProgress;
    public bool CanCancelWithSupplier => IsActionable && Cancellation.Order.SupplierStatus == Domain.Orders.SupplierOrderStatus.Placed;
    public bool CanDecide => Cancellation.CanDecide && Policy.CanCancelNow();
    public bool CanIssueRefund => Cancellation.CanComplete && Cancellation.Decision is not null && Remaining > 0m;

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
                CancellationStatus.AwaitingRepayment => $"Waiting for the shopper to repay {Sum(RefundStatus.Succeeded)} before the order is active again.",
                CancellationStatus.Canceled => "The order is canceled and its refunds are settled. Nothing is left to do.",
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
        RunAsync(async () => (await cancellations.AcceptAsync(Id, Input.Version, User.ToStaffActor(), cancellationToken)).Error, "Request accepted and assigned to you.", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) =>
        RunAsync(async () => (await cancellations.RejectAsync(Id, Input.Version, Input.RejectReason ?? "", User.ToStaffActor(), cancellationToken)).Error, "Request rejected.", cancellationToken);

    public Task<IActionResult> OnPostRevertFulfillmentAsync(CancellationToken cancellationToken) =>
        RunAsync(async () => (await decisions.RevertFulfillmentAsync(Id, Input.Version, User.ToStaffActor(), cancellationToken)).Error, "Fulfillment request reverted.", cancellationToken);

    public Task<IActionResult> OnPostSupplierCanceledAsync(CancellationToken cancellationToken) =>
        RunAsync(async () => (await decisions.MarkCanceledWithSupplierAsync(Id, Input.Version, User.ToStaffActor(), cancellationToken)).Error, "Marked as canceled with the supplier.", cancellationToken);

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken cancellationToken) =>
        RunAsync(
            async () =>
            {
                var input = Input.Decision.ToInput(out var missing);
                if (input is null)
                {
                    return Error.Invalid(missing!);
                }

                var result = await decisions.DecideAsync(Id, Input.Version, input, User.ToStaffActor(), cancellationToken);
                return result.Error;
            },
            "Decision recorded.",
            cancellationToken);

    public Task<IActionResult> OnPostIssueRefundAsync(CancellationToken cancellationToken) =>
        RunAsync(
            async () =>
            {
                if (Input.RefundMethod is not { } method || Input.RefundAmount is not { } amount)
                {
                    return Error.Invalid("Choose a refund method and enter an amount.");
                }

                return (await decisions.IssueRefundAsync(Id, Input.Version, method, amount, User.ToStaffActor(), cancellationToken)).Error;
            },
            "Refund issued.",
            cancellationToken);

    public Task<IActionResult> OnPostRecordTransferAsync(CancellationToken cancellationToken) =>
        RunAsync(
            async () => (await refunds.RecordBankTransferAsync(Id, Input.Version, Input.RefundId ?? Guid.Empty, Input.TransferReference, User.ToStaffActor(), cancellationToken)).Error,
            "Bank transfer recorded.",
            cancellationToken);

    public Task<IActionResult> OnPostCancelTransferAsync(CancellationToken cancellationToken) =>
        RunAsync(
            async () => (await refunds.CancelBankTransferAsync(Id, Input.Version, Input.RefundId ?? Guid.Empty, User.ToStaffActor(), cancellationToken)).Error,
            "Bank transfer canceled. Refund the amount another way.",
            cancellationToken);

    /// <summary>Runs one action; on refusal shows the page again with the message, the current state and a 4xx status.</summary>
    private async Task<IActionResult> RunAsync(Func<Task<Error?>> action, string success, CancellationToken cancellationToken)
    {
        // Input that cannot even be read (a word for an amount, an unknown method) never reaches the use case.
        var error = ModelState.IsValid ? await action() : null;
        if (ModelState.IsValid && error is null)
        {
            StatusMessage = success;
            return RedirectToPage(new { id = Id });
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Response.StatusCode = error?.ToStatusCode() ?? StatusCodes.Status400BadRequest;
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error.Message);
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
        Refunds = await refunds.ListAsync(Id, cancellationToken);
        Policy = CancellationPolicy.Evaluate(request.Order, hasOpenRequest: false);
        Remaining = RefundService.Remaining(request, Refunds);
        Stock = await decisions.StockOnHandAsync(request.Order.Lines.Select(l => l.Sku), cancellationToken);
        DecisionContext = new DecisionFormContext(
            request.Order.RefundableAmount,
            request.Order.Currency,
            refunds.WhyNot(request.Order, RefundMethod.OriginalPayment),
            refunds.GatewayName);
        return true;
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public string? RejectReason { get; set; }
        public DecisionForm Decision { get; set; } = new();
        public RefundMethod? RefundMethod { get; set; }
        public decimal? RefundAmount { get; set; }
        public Guid? RefundId { get; set; }
        public string? TransferReference { get; set; }
    }
}
