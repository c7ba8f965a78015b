using System.Text.Json;
using System.Text.Json.Serialization;

namespace CancellationPortal.Domain.Refunds.Stripe;

/// <summary>The parts of Stripe's objects we read. Unknown fields are ignored, so newer shapes still parse.</summary>
public static class StripeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

public static class StripeRefundStatus
{
    public const string Pending = "pending";
    public const string RequiresAction = "requires_action";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Canceled = "canceled";
}

public sealed class StripeRefund
{
    public string Id { get; init; } = "";
    public long Amount { get; init; }
    public string Currency { get; init; } = "";
    public string? Charge { get; init; }
    public string? PaymentIntent { get; init; }
    public string Status { get; init; } = "";
    public string? FailureReason { get; init; }
    public Dictionary<string, string> Metadata { get; init; } = [];

    /// <summary>Our Refund row id, which we put into the refund's metadata when creating it.</summary>
    public Guid? OurRefundId =>
        Metadata.TryGetValue(StripeClient.RefundIdMetadataKey, out var value) && Guid.TryParse(value, out var id) ? id : null;
}

public sealed class StripePaymentIntent
{
    public string Id { get; init; } = "";
    public long Amount { get; init; }
    public long AmountReceived { get; init; }
    public string Currency { get; init; } = "";
    public string? LatestCharge { get; init; }
    public string Status { get; init; } = "";
    public Dictionary<string, string> Metadata { get; init; } = [];
}

public sealed class StripeCharge
{
    public string Id { get; init; } = "";
    public long Amount { get; init; }
    public long AmountCaptured { get; init; }
    public long AmountRefunded { get; init; }
    public string Currency { get; init; } = "";
    public bool Refunded { get; init; }
    public bool Disputed { get; init; }
    public string? PaymentIntent { get; init; }

    /// <summary>Present only when Stripe includes it (older API versions, or expanded).</summary>
    public StripeList<StripeRefund>? Refunds { get; init; }
}

public sealed class StripeDispute
{
    public string Id { get; init; } = "";
    public string? Charge { get; init; }
    public string? PaymentIntent { get; init; }
    public string Status { get; init; } = "";
    public string? Reason { get; init; }
}

public sealed class StripeList<T>
{
    public List<T> Data { get; init; } = [];
    public bool HasMore { get; init; }
}

internal sealed class StripeErrorEnvelope
{
    public StripeErrorBody? Error { get; init; }
}

internal sealed class StripeErrorBody
{
    public string? Type { get; init; }
    public string? Code { get; init; }
    public string? DeclineCode { get; init; }
    public string? Message { get; init; }
    public string? Param { get; init; }
}
