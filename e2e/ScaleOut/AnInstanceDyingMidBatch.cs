using CancellationPortal.Domain.Notifications;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.E2E.ScaleOut;

/// <summary>
/// Two back-office instances deliver the outbox; one is killed in the middle of a batch. The other takes over what the
/// dead one had claimed once its claim runs out, so nothing is lost. Only a message the dead instance was sending at
/// the moment it died can go out twice (delivery is at least once); every other message goes out once.
/// </summary>
public sealed class AnInstanceDyingMidBatch : IAsyncLifetime
{
    private const int Messages = 60;
    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), "cancellationportal-scaleout", Guid.NewGuid().ToString("N"), "mail");
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider.Postgres);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(Path.GetDirectoryName(_mailFolder)))
        {
            Directory.Delete(Path.GetDirectoryName(_mailFolder)!, recursive: true);
        }
    }

    [Fact]
    public async Task TheOtherInstanceFinishesTheBatchAndNoEmailIsLost()
    {
        await using (var db = _database.CreateContext())
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < Messages; i++)
            {
                db.EnqueueEmail(new EmailMessage($"shopper{i}@example.com", $"Message {i:D3}", "Hello"), null, now);
            }

            await db.SaveChangesAsync();
        }

        var environment = TwoInstancesOfEachApp.SharedSettings(_database.ConnectionString, _mailFolder);
        var first = await AppHost.StartAsync("BackOffice", environment);
        await using var second = await AppHost.StartAsync("BackOffice", environment);
        await WaitUntilAsync(() => Files().Length >= 10, "the instances started delivering");

        await first.DisposeAsync();
        await WaitUntilAsync(() => Files().Length >= Messages, "the surviving instance delivered the rest");
        await using var check = _database.CreateContext();
        await WaitUntilAsync(async () => !await check.Outbox.AnyAsync(m => m.Status == OutboxStatus.Pending), "every message is recorded as sent");

        var subjects = Files().Select(f => File.ReadAllLines(f).First(l => l.StartsWith("Subject:", StringComparison.Ordinal))).ToList();
        subjects.Distinct().Count().ShouldBe(Messages, "no message is lost");
        (subjects.Count - Messages).ShouldBeLessThanOrEqualTo(5, "only what the dead instance was sending (one batch) may go out again");
    }

    private string[] Files() => Directory.Exists(_mailFolder) ? Directory.GetFiles(_mailFolder, "*.eml") : [];

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 90 s for this: {what}.");
            }

            await Task.Delay(200);
        }
    }
}
