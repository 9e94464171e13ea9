using System.Diagnostics;
using System.Text;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>
/// One host instance as its own OS process (<c>dotnet M365Scanner.Host.dll</c>), configured only through environment
/// variables, as a container would be. Hangfire keeps process-wide state (its current storage and configuration), so
/// two hosts in one process would share it; two processes are what a deployment of two instances really is, and the
/// only way to kill one abruptly. The child's stdout and stderr go to a log file, whose tail failure messages quote.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    // Inherited variables that would configure the child behind the test's back (the test runner's own, a
    // developer's shell): every setting the child gets is in the dictionary it is started with.
    private static readonly string[] ClearedPrefixes = ["Scanner__", "Storage__", "Graph__", "Policy__", "Telemetry__", "Logging__",
        "ASPNETCORE_", "URLS"];

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly object _logLock = new();
    private bool _closed;

    private HostProcess(string name, Process process, StreamWriter log, string logPath, string baseUrl)
    {
        Name = name;
        _process = process;
        _log = log;
        LogPath = logPath;
        BaseUrl = baseUrl;
    }

    public string Name { get; }
    public string BaseUrl { get; }
    public string LogPath { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>CPU the process has used so far (user and kernel).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the host with <paramref name="settings"/> (configuration keys such as "Scanner:DataDirectory";
    /// "Urls" says where it listens) and returns without waiting for it: see <see cref="WaitForAsync"/>.</summary>
    public static HostProcess Start(string name, IReadOnlyDictionary<string, string?> settings, string logDirectory)
    {
        var dll = LocateHostDll();
        var start = new ProcessStartInfo(DotnetPath(), [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in start.Environment.Keys.ToList())
            if (ClearedPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                start.Environment.Remove(key);
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        // Plain lines without colour codes, so the captured log reads as text.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";

        Directory.CreateDirectory(logDirectory);
        var logPath = Path.Combine(logDirectory, $"{name}-{Guid.NewGuid():N}.log");
        var log = new StreamWriter(logPath, append: false, Encoding.UTF8) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(name, process, log, logPath,
            settings.TryGetValue("Urls", out var urls) && urls is not null ? urls.Split(';')[0] : throw new ArgumentException("settings need Urls"));
        process.OutputDataReceived += (_, e) => host.Write(e.Data);
        process.ErrorDataReceived += (_, e) => host.Write(e.Data is null ? null : "stderr: " + e.Data);
        process.Exited += (_, _) => host.Write($"== {name} exited");
        if (!process.Start())
            throw new InvalidOperationException($"could not start {start.FileName} {dll}");
        host.Write($"== {name} started: pid {process.Id}, {start.FileName} {dll}, listening on {host.BaseUrl}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until <paramref name="path"/> (e.g. "/healthz") answers 200. Throws with the log's tail when the
    /// process exits first or the deadline passes.</summary>
    public async Task WaitForAsync(string path, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (HasExited)
                throw new InvalidOperationException($"{Name} exited before {path} answered. {Tail()}");
            try
            {
                using var response = await http.GetAsync(path);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Name}: {path} did not answer 200 within {timeout.TotalSeconds:F0} s. {Tail()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Kills the process and its children at once, as a crash or an OOM kill would (no graceful shutdown:
    /// running jobs stay where they were), and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!HasExited)
        {
            Write($"== {Name} killed by the test");
            try { _process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { } // exited meanwhile
        }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(wait.Token);
    }

    /// <summary>The last lines the host wrote, for failure messages.</summary>
    public string Tail(int lines = 40)
    {
        string text;
        lock (_logLock)
        {
            if (!_closed) _log.Flush();
            using var read = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            text = new StreamReader(read).ReadToEnd();
        }
        var all = text.Split('\n');
        return $"Last lines of {Name}'s log ({LogPath}):\n" + string.Join('\n', all.TakeLast(lines));
    }

    private void Write(string? line)
    {
        if (line is null)
            return;
        lock (_logLock)
            if (!_closed) // the reader threads may still deliver a line after disposal
                _log.WriteLine(line);
    }

    /// <summary>The host's build output: the copy in this binary's folder (a referenced web project's dll, deps.json and
    /// runtimeconfig.json are copied next to its referrer), else the host project's own bin folder.</summary>
    public static string LocateHostDll()
    {
        const string dll = "M365Scanner.Host.dll";
        var here = Path.Combine(AppContext.BaseDirectory, dll);
        if (File.Exists(here) && File.Exists(Path.ChangeExtension(here, ".runtimeconfig.json")))
            return here;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var bin = Path.Combine(dir.FullName, "src", "M365Scanner.Host", "bin");
            if (!Directory.Exists(bin))
                continue;
            var built = Directory.GetFiles(bin, dll, SearchOption.AllDirectories)
                .Where(f => File.Exists(Path.ChangeExtension(f, ".runtimeconfig.json")))
                .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
            if (built is not null)
                return built;
        }
        throw new FileNotFoundException($"{dll} with its runtimeconfig.json was found neither in {AppContext.BaseDirectory} nor under src/M365Scanner.Host/bin; build the solution first.");
    }

    /// <summary>The dotnet the current process runs on (the SDK's CLI sets DOTNET_HOST_PATH for what it launches).</summary>
    private static string DotnetPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
            lock (_logLock)
            {
                _closed = true;
                _log.Dispose();
            }
        }
    }
}
