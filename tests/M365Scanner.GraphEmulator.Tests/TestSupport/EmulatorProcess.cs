using System.Diagnostics;
using System.Text;

namespace M365Scanner.GraphEmulator.Tests.TestSupport;

/// <summary>The built standalone emulator (<c>dotnet M365Scanner.GraphEmulator.dll</c>) as a child process, as a user
/// runs it, with its output captured for assertions and failure messages.</summary>
public sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private EmulatorProcess(Process process) => _process = process;

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static EmulatorProcess Start(params string[] args)
    {
        var dll = LocateDll();
        var start = new ProcessStartInfo(DotnetPath(), [dll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var child = new EmulatorProcess(new Process { StartInfo = start });
        child._process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Append(e.Data is null ? null : "stderr: " + e.Data);
        if (!child._process.Start())
            throw new InvalidOperationException($"could not start {dll}");
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Sends a POSIX signal (the test runs on Linux, as CI does) the way <c>kill -SIG pid</c> would.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + name, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"kill -{name} {Id} failed with {kill.ExitCode}");
    }

    /// <summary>True when the process exits within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; false when the process exits or the deadline passes first.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
                return true;
            if (HasExited)
                return Output.Contains(text, StringComparison.Ordinal);
            await Task.Delay(50);
        }
        return false;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>The emulator's build output: next to this test binary (a referenced project's dll and runtimeconfig.json
    /// are copied there), else the emulator project's own bin folder.</summary>
    private static string LocateDll()
    {
        const string dll = "M365Scanner.GraphEmulator.dll";
        var here = Path.Combine(AppContext.BaseDirectory, dll);
        if (File.Exists(here) && File.Exists(Path.ChangeExtension(here, ".runtimeconfig.json")))
            return here;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var bin = Path.Combine(dir.FullName, "src", "M365Scanner.GraphEmulator", "bin");
            if (!System.IO.Directory.Exists(bin))
                continue;
            var built = System.IO.Directory.GetFiles(bin, dll, SearchOption.AllDirectories)
                .Where(f => File.Exists(Path.ChangeExtension(f, ".runtimeconfig.json")))
                .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
            if (built is not null)
                return built;
        }
        throw new FileNotFoundException($"{dll} with its runtimeconfig.json was found neither in {AppContext.BaseDirectory} nor under src/M365Scanner.GraphEmulator/bin");
    }

    private static string DotnetPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
