using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.Domain.Tests.Persistence;

/// <summary>Sent through the mediator as the apps send it, a command whose input has errors is refused before its handler runs.</summary>
public abstract class ACommandWithBadInputNeverReachesItsHandler(Provider provider) : DatabaseTest(provider)
{
    private static readonly Actor Shopper = Actor.Shopper("customer-1", "Sam Shopper");

    [Fact]
    public async Task ARequestWithoutAReasonWritesNothingAndOneWithAReasonIsStored()
    {
        var order = await SaveAsync(TestOrders.Paid(customerId: Shopper.Id));
        await using var services = Services();

        await using (var scope = services.CreateAsyncScope())
        {
            var refused = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RequestCancellation(order.Id, null, "No reason given.", Shopper));

            refused.Error!.FieldErrors.ShouldHaveSingleItem().Field.ShouldBe(nameof(RequestCancellation.Reason));
        }

        await using (var check = NewContext())
        {
            (await check.CancellationRequests.CountAsync()).ShouldBe(0);
            (await check.Outbox.CountAsync()).ShouldBe(0);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var taken = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RequestCancellation(order.Id, nameof(ShopperReason.ChangedMind), null, Shopper));

            taken.IsSuccess.ShouldBeTrue();
        }

        await using var after = NewContext();
        (await after.CancellationRequests.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task ARejectionWithoutAReasonLeavesTheRequestAsItWas()
    {
        var order = await SaveAsync(TestOrders.Paid(customerId: Shopper.Id));
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var request = (await sender.Send(new RequestCancellation(order.Id, nameof(ShopperReason.ChangedMind), null, Shopper))).Value!;

        var refused = await sender.Send(new RejectCancellationRequest(request.Id, request.Version, "  ", Actor.Staff("staff-1", "Sue Support")));

        refused.Error!.FieldErrors.ShouldHaveSingleItem().Field.ShouldBe(nameof(RejectCancellationRequest.Reason));
        await using var check = NewContext();
        var stored = await check.CancellationRequests.SingleAsync();
        stored.Status.ShouldBe(CancellationStatus.Requested);
        stored.Version.ShouldBe(request.Version);
        (await check.Outbox.CountAsync()).ShouldBe(1, "only the request-received mail");
    }

    /// <summary>The domain's services as an app registers them, on this test's database.</summary>
    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Database.Settings).Build();
        return new ServiceCollection().AddLogging().AddCancellationDomain(configuration, "CancellationPortal.Portal").BuildServiceProvider();
    }
}

public sealed class ACommandWithBadInputNeverReachesItsHandlerOnSqlite() : ACommandWithBadInputNeverReachesItsHandler(Provider.Sqlite);

public sealed class ACommandWithBadInputNeverReachesItsHandlerOnPostgres() : ACommandWithBadInputNeverReachesItsHandler(Provider.Postgres);
