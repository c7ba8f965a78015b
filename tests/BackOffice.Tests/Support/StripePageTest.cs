using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Refunds.Stripe;
using CancellationPortal.Stripe.Tests;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.BackOffice.Tests.Support;

/// <summary>
/// Page tests whose card refunds go through the real Stripe gateway to a Stripe fake on loopback, so the whole
/// path is in play: the committed Pending row, its id as the idempotency key, and what Stripe was asked.
/// </summary>
public abstract class StripePageTest(BackOfficeApp app) : PageTest(app), IAsyncLifetime
{
    protected FakeStripeServer Stripe { get; private set; } = null!;

    /// <summary>The back-office with the Stripe gateway aimed at <see cref="Stripe"/>.</summary>
    protected WebApplicationFactory<Program> Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stripe = await FakeStripeServer.StartAsync();
        Host = App.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Stripe:SecretKey", FakeStripeServer.SecretKey);
            builder.UseSetting("Stripe:ApiBase", Stripe.BaseAddress.ToString());
            builder.ConfigureTestServices(services =>
                services.AddTransient<IPaymentGateway>(sp => sp.GetRequiredService<StripePaymentGateway>()));
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}
