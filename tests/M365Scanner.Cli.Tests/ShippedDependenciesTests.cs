using System.Text.Json;

namespace M365Scanner.Cli.Tests;

/// <summary>The shipped <c>m365scanner</c> carries the core, the stores and the document worker, and neither a web
/// server, nor the Graph adapter, nor the emulator: the demo that needed them is its own program.</summary>
public class ShippedDependenciesTests
{
    [Fact]
    public void Cli_ReferencesCoreStorageAndDocumentWorkerOnly()
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(CliProcess.CliPath, ".deps.json")));

        var projects = deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(l => l.Value.GetProperty("type").GetString() == "project")
            .Select(l => l.Name.Split('/')[0]).Order(StringComparer.Ordinal);

        Assert.Equal(["M365Scanner.Core", "M365Scanner.DocumentWorker", "M365Scanner.Storage", "m365scanner"], projects);
    }

    [Fact]
    public void Cli_RunsOnTheBaseRuntime_WithoutAspNetCore()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(CliProcess.CliPath, ".runtimeconfig.json")));
        var options = config.RootElement.GetProperty("runtimeOptions");

        var frameworks = options.TryGetProperty("frameworks", out var many)
            ? many.EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToArray()
            : [options.GetProperty("framework").GetProperty("name").GetString()];

        Assert.Equal(["Microsoft.NETCore.App"], frameworks);
    }
}
