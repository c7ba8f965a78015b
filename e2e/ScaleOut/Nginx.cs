using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CancellationPortal.E2E.ScaleOut;

/// <summary>
/// Debian's nginx in front of two instances of each app, round-robin with no sticky sessions: every request may
/// land on either instance. Each response says which instance answered (X-Upstream), so a test can see both work.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private Nginx(Process process, string folder, Uri portal, Uri backOffice)
    {
        _process = process;
        _folder = folder;
        Portal = portal;
        BackOffice = backOffice;
    }

    public Uri Portal { get; }
    public Uri BackOffice { get; }

    /// <summary>The configuration the test runs with; README shows it as the example for a deployment.</summary>
    public static string Configuration(string folder, int portalPort, IEnumerable<Uri> portals, int backOfficePort, IEnumerable<Uri> backOffices) =>
        $$"""
        worker_processes 1;
        daemon off;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;
        events { worker_connections 512; }
        http {
            access_log off;
            client_body_temp_path {{folder}}/body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            upstream portal {
        {{Servers(portals)}}
            }
            upstream backoffice {
        {{Servers(backOffices)}}
            }
        {{Proxy(portalPort, "portal")}}
        {{Proxy(backOfficePort, "backoffice")}}
        }
        """;

    public static async Task<Nginx> StartAsync(int portalPort, IEnumerable<Uri> portals, int backOfficePort, IEnumerable<Uri> backOffices)
    {
        var binary = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed: ./test.sh installs Debian's nginx package.");
        var folder = Path.Combine(Path.GetTempPath(), "cancellationportal-nginx", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        // As root, nginx's workers run as nobody and must be able to write their temporary files.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0x1FF);
        }
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, Configuration(folder, portalPort, portals, backOfficePort, backOffices));
        var info = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-p", folder, "-c", config })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start nginx.");
        var nginx = new Nginx(process, folder, new Uri($"http://127.0.0.1:{portalPort}"), new Uri($"http://127.0.0.1:{backOfficePort}"));
        await nginx.WaitUntilListeningAsync(portalPort);
        await nginx.WaitUntilListeningAsync(backOfficePort);
        return nginx;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A listener passing every request to an upstream, saying which instance answered.</summary>
    private static string Proxy(int port, string upstream) => string.Create(
        CultureInfo.InvariantCulture,
        $"server {{ listen 127.0.0.1:{port}; location / {{ proxy_pass http://{upstream}; proxy_set_header Host $http_host; add_header X-Upstream $upstream_addr always; }} }}");

    private static string Servers(IEnumerable<Uri> instances) =>
        string.Join('\n', instances.Select(u => string.Create(CultureInfo.InvariantCulture, $"        server 127.0.0.1:{u.Port} max_fails=1 fail_timeout=2s;")));

    private async Task WaitUntilListeningAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx stopped: {await _process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"nginx did not listen on port {port}.");
    }
}
