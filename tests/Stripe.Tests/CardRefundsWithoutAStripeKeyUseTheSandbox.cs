using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Refunds.Stripe;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.Stripe.Tests;

public sealed class CardRefundsWithoutAStripeKeyUseTheSandbox
{
    [Fact]
    public void WithoutASecretKeyTheSandboxIsTheGateway()
    {
        var gateway = Resolve(new Dictionary<string, string?>());

        gateway.ShouldBeOfType<SandboxPaymentGateway>();
        gateway.IsAvailable.ShouldBeTrue();
        gateway.DisplayName.ShouldBe("Sandbox — no money moves");
    }

    [Fact]
    public void WithASecretKeyStripeIsTheGateway()
    {
        var gateway = Resolve(new Dictionary<string, string?> { ["Stripe:SecretKey"] = "sk_test_123" });

        gateway.ShouldBeOfType<StripePaymentGateway>();
        gateway.IsAvailable.ShouldBeTrue();
        gateway.DisplayName.ShouldBe("Stripe");
    }

    [Fact]
    public async Task TheSandboxSucceedsWithSandboxIdsAndReplaysAKey()
    {
        var sandbox = new SandboxPaymentGateway();
        var request = new GatewayRefundRequest(Guid.NewGuid(), "pi_123", new Money(10m, "EUR"), "10001", "Customer request");

        var first = await sandbox.RefundAsync(request, CancellationToken.None);
        var again = await sandbox.RefundAsync(request, CancellationToken.None);
        var other = await sandbox.RefundAsync(request with { IdempotencyKey = Guid.NewGuid() }, CancellationToken.None);

        first.Status.ShouldBe(GatewayRefundStatus.Succeeded);
        first.ProviderRefundId.ShouldStartWith("re_sandbox_");
        again.ShouldBe(first);
        other.ProviderRefundId.ShouldNotBe(first.ProviderRefundId);
        (await sandbox.FindRefundAsync(new GatewayRefundLookup(request.IdempotencyKey, null, "pi_123"), CancellationToken.None)).ShouldBe(first);
    }

    [Fact]
    public async Task TheSandboxRefusesAKeyReusedWithAnotherAmount()
    {
        var sandbox = new SandboxPaymentGateway();
        var request = new GatewayRefundRequest(Guid.NewGuid(), "pi_123", new Money(10m, "EUR"), "10001", "Customer request");
        await sandbox.RefundAsync(request, CancellationToken.None);

        var changed = await sandbox.RefundAsync(request with { Amount = new Money(11m, "EUR") }, CancellationToken.None);

        changed.Status.ShouldBe(GatewayRefundStatus.Failed);
    }

    private static IPaymentGateway Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddStripeRefunds(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IPaymentGateway>();
    }
}
