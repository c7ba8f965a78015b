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
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Database.Settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddCancellationDomain(configuration, "CancellationPortal.Portal").BuildServiceProvider();

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
}

public sealed class ACommandWithBadInputNeverReachesItsHandlerOnSqlite() : ACommandWithBadInputNeverReachesItsHandler(Provider.Sqlite);

public sealed class ACommandWithBadInputNeverReachesItsHandlerOnPostgres() : ACommandWithBadInputNeverReachesItsHandler(Provider.Postgres);
