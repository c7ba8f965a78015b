using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.TestSupport;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Tests.Notifications.Senders;

/// <summary>
/// The real SMTP server ./test.sh installs and starts (Debian's aiosmtpd, keeping what it receives in a maildir), or
/// one more instance of it that a test starts and stops itself.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private readonly Process? _process;

    private SmtpTestServer(string host, int port, string maildir, Process? process)
    {
        Host = host;
        Port = port;
        Maildir = maildir;
        _process = process;
    }

    public string Host { get; }
    public int Port { get; }
    public string Maildir { get; }

    /// <summary>The server ./test.sh started for the run.</summary>
    public static SmtpTestServer Shared()
    {
        var address = Required("TEST_SMTP");
        var colon = address.LastIndexOf(':');
        return new SmtpTestServer(address[..colon], int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), Required("TEST_SMTP_MAILDIR"), null);
    }

    /// <summary>A free loopback port on which no server listens yet.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts a server of its own on <paramref name="port"/>, keeping mail in <paramref name="maildir"/>.</summary>
    public static async Task<SmtpTestServer> StartAsync(int port, string maildir)
    {
        var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"exec {Required("TEST_SMTP_SERVER")} -l 127.0.0.1:{port} '{maildir}'"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("The SMTP test server did not start.");
        var server = new SmtpTestServer("127.0.0.1", port, maildir, process);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        server.Dispose();
        throw new InvalidOperationException($"The SMTP test server did not listen on port {port}.");
    }

    /// <summary>Every message the server kept, read as a mail client reads it.</summary>
    public IReadOnlyList<EmlFile> Messages() =>
        Directory.Exists(Path.Combine(Maildir, "new"))
            ? [.. Directory.GetFiles(Path.Combine(Maildir, "new")).Select(EmlFile.Read)]
            : [];

    public EmlFile MessageWithId(Guid outboxId) =>
        Messages().Single(m => m.Headers.TryGetValue(OutgoingEmail.IdHeader, out var id) && id == outboxId.ToString());

    public SmtpEmailSender Sender(string fromName = "Example Store") => new(Options.Create(new EmailOptions
    {
        Sender = EmailOptions.SmtpSender,
        From = "shop@example.com",
        FromName = fromName,
        Smtp = new SmtpOptions { Host = Host, Port = Port, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(10) },
    }));

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run the tests with ./test.sh, which installs and starts the SMTP test server.");
}
