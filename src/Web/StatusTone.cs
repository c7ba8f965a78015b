using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Web;

/// <summary>
/// What a status means to the person reading it, one colour each in both apps (the pill's words always say it too,
/// so colour is never the only signal).
/// </summary>
public enum StatusTone
{
    /// <summary>Someone has to act: a request waiting for a decision, a refund on its way.</summary>
    Waiting,
    InProgress,

    /// <summary>Finished as intended: canceled, refunded, delivered.</summary>
    Done,

    /// <summary>Closed without the cancellation: rejected, withdrawn, undone.</summary>
    Refused,

    /// <summary>Needs attention: a failed or reversed refund, a dispute, an overdue request.</summary>
    Problem,

    /// <summary>Informational, with no judgement: an order being processed or shipped.</summary>
    Neutral,
}

public static class StatusTones
{
    /// <summary>The CSS class of a pill in this tone (ui.css).</summary>
    public static string PillClass(this StatusTone tone) => tone switch
    {
        StatusTone.Waiting => "pill pill--waiting",
        StatusTone.InProgress => "pill pill--progress",
        StatusTone.Done => "pill pill--done",
        StatusTone.Refused => "pill pill--refused",
        StatusTone.Problem => "pill pill--problem",
        _ => "pill pill--neutral",
    };

    /// <summary>The CSS class that gives any element this tone's colours, for icons and markers beside words.</summary>
    public static string ToneClass(this StatusTone tone) => tone switch
    {
        StatusTone.Waiting => "tone--waiting",
        StatusTone.InProgress => "tone--progress",
        StatusTone.Done => "tone--done",
        StatusTone.Refused => "tone--refused",
        StatusTone.Problem => "tone--problem",
        _ => "tone--neutral",
    };

    public static StatusTone Tone(this CancellationStatus status) => status switch
    {
        CancellationStatus.Requested => StatusTone.Waiting,
        CancellationStatus.InProgress => StatusTone.InProgress,
        CancellationStatus.AwaitingRepayment => StatusTone.Waiting,
        CancellationStatus.Canceled => StatusTone.Done,
        _ => StatusTone.Refused,
    };

    public static StatusTone Tone(this RefundStatus status) => status switch
    {
        RefundStatus.Pending => StatusTone.Waiting,
        RefundStatus.Succeeded => StatusTone.Done,
        RefundStatus.Canceled => StatusTone.Refused,
        _ => StatusTone.Problem,
    };

    /// <summary>An order's shipping: on its way is in progress, delivered is done, back at the store is a problem.</summary>
    public static StatusTone Tone(this FulfillmentStatus status) => status switch
    {
        FulfillmentStatus.Shipped or FulfillmentStatus.InTransit => StatusTone.InProgress,
        FulfillmentStatus.Delivered => StatusTone.Done,
        FulfillmentStatus.ReturnedToSender => StatusTone.Problem,
        _ => StatusTone.Neutral,
    };

    /// <summary>An email: on its way is waiting, sent or delivered is done, anything that kept it from its reader is a problem.</summary>
    public static StatusTone Tone(this EmailState state) => state switch
    {
        EmailState.Waiting or EmailState.Retrying => StatusTone.Waiting,
        EmailState.Sent or EmailState.Delivered => StatusTone.Done,
        _ => StatusTone.Problem,
    };
}
