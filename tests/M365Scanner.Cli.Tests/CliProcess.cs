using System.Diagnostics;

namespace M365Scanner.Cli.Tests;

/// <summary>
/// Runs the built CLI in a child process, as a script would. For documents that may abort the process: a stack
/// overflow cannot be caught, so in-process (<see cref="CliRun"/>) it would end the whole test run.
/// </summary>
/// <param name="ExitCode">Null when the child was killed at <see cref="Deadline"/>.</param>
public sealed record CliProcess(int? ExitCode, string Stdout, string Stderr)
{
    /// <summary>Far above the 60 s a document may take: reaching it is a hang, not a slow scan.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    // The child's GC heap ceiling (2 GiB, twice the 1 GiB target): a document that takes memory without bound fails
    // its own test with an out-of-memory abort instead of starving the machine the tests share.
    private const string HeapHardLimit = "0x80000000";

    /// <summary>Runs <c>m365scanner</c> with <paramref name="args"/> and waits for it, at most <see cref="Deadline"/>.</summary>
    public static async Task<CliProcess> Of(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliPath);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_GCHeapHardLimit"] = HeapHardLimit;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the CLI");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new CliProcess(null, await stdout, await stderr);
        }
        return new CliProcess(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The start of stderr, where an abort says why ("Stack overflow.", an unhandled exception) and the
    /// frames nearest the fault are, for failure messages.</summary>
    public string StderrHead => Stderr.Length <= 800 ? Stderr : Stderr[..800] + "...";

    // The CLI as built, in its own folder: beside this test assembly it would find the host's shared framework's
    // assemblies too, and a dependency it does not ship would go unnoticed. The path is recorded at build time.
    public static string CliPath => typeof(CliProcess).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "m365scanner").Value!;

    // The muxer running this test host when there is one, so the child uses the same runtime.
    private static string DotnetHost() =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : "dotnet";
}
