using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Tests.Cancellations;

public sealed class RejectingARequestNeedsAReason
{
    private static readonly Actor Staff = Actor.Staff("staff-2", "Max Manager");
    private static readonly DateTimeOffset At = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ARejectionWithoutAReasonIsRefusedAndChangesNothing(string reason)
    {
        var request = EveryStatusAndActionFollowsTheLifecycleTable.RequestIn(CancellationStatus.Requested);
        var audit = request.AuditEntries.Count;

        var result = request.Reject(Staff, reason, At);

        result.Error!.Kind.ShouldBe(ErrorKind.Invalid);
        request.Status.ShouldBe(CancellationStatus.Requested);
        request.RejectionReason.ShouldBeNull();
        request.AuditEntries.Count.ShouldBe(audit);
    }

    [Fact]
    public void TheReasonIsKeptForTheShopper()
    {
        var request = EveryStatusAndActionFollowsTheLifecycleTable.RequestIn(CancellationStatus.Requested);

        request.Reject(Staff, "  Already with the courier.  ", At).IsSuccess.ShouldBeTrue();

        request.RejectionReason.ShouldBe("Already with the courier.");
        request.AuditEntries[^1].Note.ShouldBe("Already with the courier.");
    }
}
