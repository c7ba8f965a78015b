using System.Text;
using System.Text.RegularExpressions;
using CancellationPortal.Domain;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.E2E;

/// <summary>What the browser tests put into the shared database and read back from the mail pickup folder.</summary>
public static partial class StoreData
{
    /// <summary>
    /// Places an order for an existing account, as the store's order import would: paid by card, under
    /// <paramref name="paymentReference"/> or a fresh pi_e2e_... payment intent id.
    /// </summary>
    public static async Task<string> PlaceOrderAsync(StoreFixture store, string email, Action<Order>? shape = null, string? paymentReference = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var db = OpenDatabase(store);
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var id = Guid.NewGuid().ToString("N");
        var number = $"E2E-{id[..8].ToUpperInvariant()}";
        var order = Order.Place(number, user.Id, email, "Browser Shopper", "EUR", [new OrderLine("SKU-0001", "Blue teapot", 1, 24.00m)], 4.95m, 0m, PaymentMethod.Card, 28.95m, DateTimeOffset.UtcNow, paymentReference ?? $"pi_e2e_{id}");
        shape?.Invoke(order);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return number;
    }

    /// <summary>
    /// Values for the routes of the page sweep, from the demo store: the demo shopper's order with the most to show
    /// (one with a cancellation request) and a request staff work on.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> DemoRouteValuesAsync(StoreFixture store)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var db = OpenDatabase(store);
        var shopper = await db.Users.Where(u => u.Email == "shopper@example.com").Select(u => u.Id).SingleAsync();
        var number = await db.Orders.Where(o => o.CustomerId == shopper)
            .OrderByDescending(o => db.CancellationRequests.Any(r => r.OrderId == o.Id)).ThenBy(o => o.Number)
            .Select(o => o.Number).FirstAsync();
        var request = await db.CancellationRequests.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        return new Dictionary<string, string> { ["number"] = number, ["id"] = request.ToString() };
    }

    /// <summary>Waits for the dispatcher to write a mail to the address whose text contains <paramref name="text"/>; returns its decoded text.</summary>
    public static async Task<string> WaitForMailAsync(StoreFixture store, string to, string text)
    {
        ArgumentNullException.ThrowIfNull(store);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(store.MailFolder))
            {
                var match = Directory.GetFiles(store.MailFolder, "*.eml")
                    .Select(file => Decode(File.ReadAllText(file)))
                    .FirstOrDefault(mail => IsTo(mail, to) && mail.Contains(text, StringComparison.Ordinal));
                if (match is not null)
                {
                    return match;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No mail to {to} containing '{text}' arrived in {store.MailFolder}.");
    }

    /// <summary>The mail's To header names the address, with or without the person's name before it.</summary>
    private static bool IsTo(string mail, string address) =>
        mail.Split('\n').Any(line => line.StartsWith("To:", StringComparison.Ordinal) && line.Contains(address, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first link written out in a mail's text.</summary>
    public static string Link(string mail)
    {
        var match = LinkPattern().Match(mail);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("The mail holds no link:\n" + mail);
    }

    private static AppDbContext OpenDatabase(StoreFixture store)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DomainServiceCollectionExtensions.ConfigureDatabase(options, new DatabaseOptions
        {
            Provider = "Sqlite",
            ConnectionString = $"Data Source={store.DatabaseFile};Default Timeout=30",
        });
        return new AppDbContext(options.Options);
    }

    /// <summary>Undoes quoted-printable (soft line breaks and =XX bytes) so the text reads as written.</summary>
    private static string Decode(string raw)
    {
        var unfolded = raw.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < unfolded.Length; i++)
        {
            if (unfolded[i] == '=' && i + 2 < unfolded.Length && Uri.IsHexDigit(unfolded[i + 1]) && Uri.IsHexDigit(unfolded[i + 2]))
            {
                bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(unfolded[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex(@"(https?://[^\s)""<>]+)")]
    private static partial Regex LinkPattern();
}
