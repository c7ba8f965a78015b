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

    private const string DecisionPrefix = $"{nameof(Input)}.{nameof(InputModel.Decision)}";

    public bool IsActionable => Cancellation.Status is CancellationStatus.Requested or CancellationStatus.InProgress;
    public bool CanRevertFulfillment => IsActionable && Cancellation.Order.FulfillmentStatus == Domain.Orders.FulfillmentStatus.FulfillmentInProgress;
    public bool CanCancelWithSupplier => IsActionable && Cancellation.Order.SupplierStatus == Domain.Orders.SupplierOrderStatus.Placed;
    public bool CanDecide => Cancellation.CanDecide && Policy.CanCancelNow();
    public bool CanIssueRefund => Cancellation.CanComplete && Cancellation.Decision is not null && Remaining > 0m;

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
            () => InCurrencyAsync(async currency =>
            {
                if (Input.Decision.ToInput(currency, ModelState, DecisionPrefix) is not { } input)
                {
                    return null;
                }

                return (await decisions.DecideAsync(Id, Input.Version, input, User.ToStaffActor(), cancellationToken)).Error;
            }, cancellationToken),
            "Decision recorded.",
            cancellationToken,
            field => $"{DecisionPrefix}.{field}");

    public Task<IActionResult> OnPostIssueRefundAsync(CancellationToken cancellationToken) =>
        RunAsync(
            () => InCurrencyAsync(async currency =>
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

                if (!ModelState.IsValid)
                {
                    return null;
                }

                return (await decisions.IssueRefundAsync(Id, Input.Version, Input.RefundMethod!.Value, amount!.Value, User.ToStaffActor(), cancellationToken)).Error;
            }, cancellationToken),
            "Refund issued.",
            cancellationToken,
            field => $"{nameof(Input)}.Refund{field}");

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

    /// <summary>Runs an action that reads typed amounts in the order's currency.</summary>
    private async Task<Error?> InCurrencyAsync(Func<string, Task<Error?>> action, CancellationToken cancellationToken) =>
        await decisions.CurrencyOfRequestAsync(Id, cancellationToken) is { } currency
            ? await action(currency)
            : Error.NotFound("No such cancellation request.");

    /// <summary>
    /// Runs one action; on refusal shows the page again with the message (beside its field when it names one:
    /// <paramref name="fieldKey"/> turns the use case's field into the form's), the current state and a 4xx status.
    /// </summary>
    private async Task<IActionResult> RunAsync(Func<Task<Error?>> action, string success, CancellationToken cancellationToken, Func<string, string>? fieldKey = null)
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
        Refunds = await refunds.ListAsync(Id, cancellationToken);
        Policy = CancellationPolicy.Evaluate(request.Order, hasOpenRequest: false);
        Remaining = RefundService.Remaining(request, Refunds);
        Stock = await decisions.StockOnHandAsync(request.Order.Lines.Select(l => l.Sku), cancellationToken);
        DecisionContext = DecisionFormContext.For(request.Order, refunds);
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
    }
}
