using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Refunds.Stripe;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Stripe.Tests;

/// <summary>A client and gateway aimed at the fake, on the fake's clock: no test waits for a retry or a timeout in real time.</summary>
public static class StripeTestSetup
{
    public static StripeOptions Options(FakeStripeServer server) => new()
    {
        SecretKey = FakeStripeServer.SecretKey,
        ApiBase = server.BaseAddress,
        RequestTimeout = StripeTestClock.RequestTimeout,
    };

    public static StripeClient Client(FakeStripeServer server) =>
        new(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, Microsoft.Extensions.Options.Options.Create(Options(server)), server.Clock, NullLogger<StripeClient>.Instance);

    public static StripePaymentGateway Gateway(FakeStripeServer server) => new(Client(server));

    public static GatewayRefundRequest Request(string paymentReference, decimal amount, string currency, Guid? key = null) =>
        new(key ?? Guid.NewGuid(), paymentReference, new Money(amount, currency), "10001", "Customer request");
}
