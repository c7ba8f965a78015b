using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Refunds.Stripe;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Stripe.Tests;

/// <summary>A client and gateway aimed at the fake, with retry delays and timeouts short enough for tests.</summary>
public static class StripeTestSetup
{
    public static StripeOptions Options(FakeStripeServer server) => new()
    {
        SecretKey = FakeStripeServer.SecretKey,
        ApiBase = server.BaseAddress,
        RequestTimeout = TimeSpan.FromMilliseconds(700),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
    };

    public static StripeClient Client(FakeStripeServer server) =>
        new(new HttpClient(), Microsoft.Extensions.Options.Options.Create(Options(server)), NullLogger<StripeClient>.Instance);

    public static StripePaymentGateway Gateway(FakeStripeServer server) => new(Client(server));

    public static GatewayRefundRequest Request(string paymentReference, decimal amount, string currency, Guid? key = null) =>
        new(key ?? Guid.NewGuid(), paymentReference, new Money(amount, currency), "10001", "Customer request");
}
