using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Tests.Cancellations;

public sealed class AShopperCannotWithdrawAnotherShoppersRequest
{
    [Fact]
    public void AnotherShopperIsToldThereIsNoSuchRequestAndNothingChanges()
    {
        var request = EveryStatusAndActionFollowsTheLifecycleTable.RequestIn(CancellationStatus.Requested);
        var audit = request.AuditEntries.Count;
        var intruder = Actor.Shopper("customer-2", "Ivy Intruder");

        var result = request.Withdraw(intruder, new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        request.Status.ShouldBe(CancellationStatus.Requested);
        request.AuditEntries.Count.ShouldBe(audit);
        request.LastChangedByName.ShouldBe("Sam Shopper");
    }
}
