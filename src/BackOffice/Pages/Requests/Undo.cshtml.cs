using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.BackOffice.Pages.Requests;

/// <summary>
/// Undoing a cancellation: everything the undo will do is shown before anything happens (refunds canceled or
/// taken back, what is due and how, stock, invoice, supplier, the shopper's email); staff confirm with a reason.
/// </summary>
public sealed class UndoModel(CancellationService cancellations, UndoContextSource contexts, ISender sender) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CancellationRequest Cancellation { get; private set; } = null!;

    /// <summary>What the undo will do; null when the request cannot be undone (<see cref="Refused"/> says why).</summary>
    public UndoPlan? Plan { get; private set; }

    public string? Refused { get; private set; }

    public IReadOnlyDictionary<string, int> Stock { get; private set; } = new Dictionary<string, int>();

    /// <summary>The email the shopper gets when the undo is confirmed.</summary>
    public EmailMessage? ShopperEmail { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Refused is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new UndoCancellation(Id, Input.Version, Input.Reason, Input.Backorder, User.ToStaffActor()), cancellationToken);
        if (result.IsSuccess)
        {
            TempData[nameof(DetailsModel.StatusMessage)] = result.Value!.Status == CancellationStatus.Undone
                ? "Cancellation undone: the order is active again."
                : $"Undo started: waiting for the shopper to repay {result.Value.RepaymentDue}.";
            return RedirectToPage("/Requests/Details", new { id = Id });
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var error = result.Error;
        Response.StatusCode = error.ToStatusCode();
        ModelState.AddFieldErrors(error, field => $"{nameof(Input)}.{field}");
        if (error is { FieldErrors.Count: 0 })
        {
            ModelState.AddModelError(error.Field is null ? string.Empty : $"{nameof(Input)}.{error.Field}", error.Message);
        }

        // The form carries the version now on screen, so the next try acts on what the staff member sees.
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
        Input.Version = Cancellation.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await cancellations.LoadAsync(Id, cancellationToken) is not { } request)
        {
            return false;
        }

        Cancellation = request;
        Input.Version = request.Version;
        var context = await contexts.LoadAsync(request, cancellationToken);
        Stock = context.OnHand;
        var preview = request.PreviewUndo(context);
        Plan = preview.Value;
        Refused = preview.Error?.Message;
        ShopperEmail = Plan is null ? null
            : Plan.CompletesAtOnce ? UndoEmails.ActiveAgain(request.Order, null)
            : UndoEmails.PaymentDue(request.Order, Plan.Due);
        return true;
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public string? Reason { get; set; }
        public bool Backorder { get; set; }
    }
}
