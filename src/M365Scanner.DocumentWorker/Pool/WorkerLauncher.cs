using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using M365Scanner.DocumentWorker.Worker;

namespace M365Scanner.DocumentWorker.Pool;

/// <summary>
/// How a worker process is started: <c>dotnet exec M365Scanner.DocumentWorker.dll</c>, with the dotnet muxer of the
/// runtime this process runs on, and the worker's own runtimeconfig.json and deps.json beside the dll.
/// </summary>
/// <remarks>
/// <para>The dll is the assembly this class lives in, so the pool always starts a worker of its own protocol
/// version. Projects that reference this one get the dll, runtimeconfig.json and deps.json copied beside their own
/// output (the .NET SDK does this for a referenced executable project), which is how the worker is found from the
/// host, the CLI under <c>dotnet run</c> and the test projects' output folders alike.</para>
/// <para>The muxer rather than the worker's apphost: the apphost looks for a runtime through DOTNET_ROOT and the
/// global install location, which need not be the runtime running us (an SDK unpacked into a home directory, a
/// container's dotnet); the muxer that runs this process certainly has this runtime. It is found, in order, from
/// DOTNET_HOST_PATH (set by the SDK for the processes it starts), this process's own executable when that is
/// dotnet, and the root of the runtime directory (<c>{root}/shared/Microsoft.NETCore.App/{version}/</c>). The
/// apphost is the fallback when none of them exists (a self-contained deployment).</para>
/// </remarks>
internal sealed class WorkerLauncher
{
    private readonly string fileName;
    private readonly string[] arguments;

    private WorkerLauncher(string fileName, string[] arguments, string workerDll)
    {
        this.fileName = fileName;
        this.arguments = arguments;
        WorkerDll = workerDll;
    }

    public string WorkerDll { get; }

    /// <summary>The command line, for the log.</summary>
    public string CommandLine => string.Join(' ', [fileName, .. arguments]);

    /// <exception cref="FileNotFoundException">The worker's dll or runtimeconfig.json is not on disk, or neither a
    /// dotnet muxer nor the worker's apphost can be found.</exception>
    public static WorkerLauncher Locate()
    {
        var dll = typeof(WorkerProgram).Assembly.Location;
        if (string.IsNullOrEmpty(dll) || !File.Exists(dll))
            throw new FileNotFoundException(
                "The document worker's dll is not a file on disk (single-file publishing?); document workers need " +
                "M365Scanner.DocumentWorker.dll beside the application.", "M365Scanner.DocumentWorker.dll");
        var runtimeConfig = Path.ChangeExtension(dll, ".runtimeconfig.json");
        if (!File.Exists(runtimeConfig))
            throw new FileNotFoundException(
                $"The document worker cannot be started: {runtimeConfig} is missing. Reference the " +
                "M365Scanner.DocumentWorker project (an executable) so the SDK copies it beside the application.",
                runtimeConfig);

        if (FindMuxer() is { } muxer)
            return new WorkerLauncher(muxer, ["exec", dll], dll);
        var apphost = Path.ChangeExtension(dll, OperatingSystem.IsWindows() ? ".exe" : null);
        if (File.Exists(apphost))
            return new WorkerLauncher(apphost, [], dll);
        throw new FileNotFoundException(
            "The document worker cannot be started: no dotnet muxer (DOTNET_HOST_PATH, this process, the runtime's " +
            $"root) and no apphost at {apphost}.", apphost);
    }

    /// <summary>A start description for one worker: stdio redirected, and the environment that bounds it.</summary>
    /// <param name="heapLimitBytes">The GC heap hard limit: allocation past it throws OutOfMemoryException.</param>
    /// <param name="extraEnvironment">Added last (tests switch on the worker's test faults this way).</param>
    public ProcessStartInfo StartInfo(long heapLimitBytes, IReadOnlyDictionary<string, string> extraEnvironment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = Path.GetDirectoryName(WorkerDll)!,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        var environment = start.Environment;
        // A worker reads hostile documents, so it gets only what the runtime needs, not the host's environment with
        // its connection strings and client secrets.
        foreach (var name in environment.Keys.Where(name => !IsNeededByTheRuntime(name)).ToList())
            environment.Remove(name);
        // The runtime reads DOTNET_ GC settings as hexadecimal.
        environment["DOTNET_GCHeapHardLimit"] = heapLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        environment.Remove("DOTNET_GCHeapHardLimitPercent");
        // Settings the parent may run with that would make a worker bigger or slower to die.
        environment["DOTNET_gcServer"] = "0";
        environment.Remove("DOTNET_GCgen0size");
        environment["DOTNET_DbgEnableMiniDump"] = "0"; // a crash is an expected outcome, not worth a dump each time
        // The runtime waits for a pause in first-time compilation (100 ms) before it starts counting calls towards
        // optimised code. A worker never pauses: each document reaches font, filter and operator code the last did
        // not, so PdfPig ran unoptimised for dozens of passes over the phishing PDFs (docs/BENCHMARKS.md). Counting
        // from the first call brings it to full speed within a few documents, after every restart too.
        environment["DOTNET_TC_CallCountingDelayMs"] = "0";
        foreach (var (name, value) in extraEnvironment)
            environment[name] = value;
        return start;
    }

    private static bool IsNeededByTheRuntime(string name) =>
        name.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) ||
        name.StartsWith("COMPlus_", StringComparison.OrdinalIgnoreCase) ||
        name.StartsWith("LC_", StringComparison.Ordinal) ||
        KeptVariables.Contains(name);

    // Locating the runtime and a temporary directory, culture, and what Windows needs to start any process.
    private static readonly HashSet<string> KeptVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "PATH", "HOME", "TMPDIR", "TMP", "TEMP", "LANG", "SystemRoot", "windir", "USERPROFILE", "LOCALAPPDATA",
        "APPDATA", "ProgramFiles", "ProgramFiles(x86)", "ProgramData", "ComSpec", "PATHEXT",
    };

    private static string? FindMuxer()
    {
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
            return hostPath;
        if (Environment.ProcessPath is { } self &&
            Path.GetFileName(self).Equals(exe, StringComparison.OrdinalIgnoreCase) && File.Exists(self))
            return self;
        // {root}/shared/Microsoft.NETCore.App/{version}/ -> {root}/dotnet
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var candidate = Path.Combine(root, exe);
        return File.Exists(candidate) ? candidate : null;
    }
}
