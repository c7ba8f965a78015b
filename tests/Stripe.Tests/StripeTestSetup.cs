using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Refunds.Stripe;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Stripe.Tests;

/// <summary>A client and gateway aimed at the fake, with retry delays short enough for tests.</summary>
public static class StripeTestSetup
{
    public static StripeOptions Options(FakeStripeServer server) => new()
    {
        SecretKey = FakeStripeServer.SecretKey,
        ApiBase = server.BaseAddress,
        // Only the fake's hang faults end by this timeout; every other attempt must never reach it, or a healthy
        // attempt counts as a fault and uses up a retry. On a loaded 2-core machine running the test classes in
        // parallel, a cold first request or a late timer takes well over a second, so it is kept generous and
        // the few hang tests pay it.
        RequestTimeout = TimeSpan.FromSeconds(5),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
    };

    public static StripeClient Client(FakeStripeServer server) =>
        new(new HttpClient(), Microsoft.Extensions.Options.Options.Create(Options(server)), NullLogger<StripeClient>.Instance);

    public static StripePaymentGateway Gateway(FakeStripeServer server) => new(Client(server));

    public static GatewayRefundRequest Request(string paymentReference, decimal amount, string currency, Guid? key = null) =>
        new(key ?? Guid.NewGuid(), paymentReference, new Money(amount, currency), "10001", "Customer request");
}
