using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CancellationPortal.E2E;

/// <summary>One of the two apps, started from its build output on Kestrel on a free loopback port.</summary>
public sealed class AppHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppHost(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Runs the app's executable with a command (migrate, seed-demo, ...) and waits for it to finish.</summary>
    public static async Task RunCommandAsync(string project, IDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(project, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{project} {string.Join(' ', args)} failed:\n{await output}\n{await errors}");
        }
    }

    public static async Task<AppHost> StartAsync(string project, IDictionary<string, string> environment)
    {
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var env = new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = baseUrl.ToString().TrimEnd('/'), ["Urls"] = baseUrl.ToString().TrimEnd('/') };

        // Behind a proxy the public address is the proxy's, which the caller gives; otherwise it is the app's own.
        env.TryAdd($"{project}__PublicUrl", baseUrl.ToString());
        var host = new AppHost(Start(project, env), baseUrl);
        host._process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilHealthyAsync();
        }
        catch
        {
            // A host that never became healthy must not outlive the test run.
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static Process Start(string project, IDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppDirectory(project),
        };
        info.ArgumentList.Add(Path.Combine(AppDirectory(project), $"CancellationPortal.{project}.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {project}.");
    }

    /// <summary>src/{project}/bin/{configuration}/net10.0, the configuration this test assembly was built in.</summary>
    private static string AppDirectory(string project)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin.Parent.Parent!.Parent!.Parent!.FullName;
        var folder = Path.Combine(root, "src", project, "bin", configuration, framework);
        return Directory.Exists(folder) ? folder : throw new DirectoryNotFoundException($"Build {project} first: {folder} is missing.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app at {BaseUrl} did not become healthy:\n{Log}");
    }
}
