using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using M365Scanner.Core.Scanning;

namespace M365Scanner.Core.Tests.Architecture;

/// <summary>
/// Core is the part anyone can read and run offline: it parses, extracts and scores, and takes the world (clock, ids,
/// budgets, the mailbox) from its caller. These tests read Core's compiled metadata, so a new package reference, an
/// HttpClient or a hidden clock fails here rather than in review.
/// </summary>
public class CorePurityTests
{
    private static readonly Assembly Core = typeof(ScanVerdict).Assembly;

    /// <summary>The parsers Core is allowed, by assembly-name prefix; BouncyCastle comes with MimeKit.</summary>
    private static readonly string[] AllowedLibraries = ["MimeKit", "BouncyCastle", "AngleSharp", "UglyToad.PdfPig"];

    /// <summary>Base-library assemblies that reach outside the process: the network, other processes, the registry.</summary>
    private static readonly string[] ForbiddenBaseLibrary =
        ["System.Net.Http", "System.Net.Sockets", "System.Net.Requests", "System.Net.WebClient", "System.Net.Security",
         "System.Net.NetworkInformation", "System.Net.Ping", "System.Net.Mail", "System.Diagnostics.Process"];

    [Fact]
    public void ReferencedAssemblies_AreOnlyTheBaseLibraryAndTheParsers()
    {
        var foreign = Core.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(name => !IsBaseLibrary(name) && !AllowedLibraries.Any(allowed => name.StartsWith(allowed, StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(foreign);
    }

    [Fact]
    public void ReferencedAssemblies_ExcludeNetworkingAndProcesses()
    {
        var names = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Empty(names.Intersect(ForbiddenBaseLibrary));
    }

    [Fact]
    public void Types_NeverMentionSystemNetHttp()
    {
        var mentions = TypeReferences().Where(t => t.Namespace.StartsWith("System.Net.Http", StringComparison.Ordinal)).ToList();

        Assert.Empty(mentions);
    }

    /// <summary>Wall-clock reads and waits, and fresh ids, belong to the caller: a budget or a time is handed in,
    /// so the same input scores the same in a test, a benchmark and production.</summary>
    [Fact]
    public void Members_NeverReadTheClockWaitOrMintIds()
    {
        string[] forbidden =
        [
            "System.DateTime.get_UtcNow", "System.DateTime.get_Now", "System.DateTimeOffset.get_UtcNow",
            "System.DateTimeOffset.get_Now", "System.TimeProvider.get_System", "System.Threading.Thread.Sleep",
            "System.Threading.Tasks.Task.Delay", "System.Environment.get_TickCount", "System.Environment.get_TickCount64",
            "System.Guid.NewGuid",
        ];

        var used = MemberReferences().Where(m => forbidden.Contains(m)).Distinct().ToList();
        var stopwatch = TypeReferences().Where(t => t.FullName == "System.Diagnostics.Stopwatch").ToList();

        Assert.Empty(used);
        Assert.Empty(stopwatch);
    }

    private static bool IsBaseLibrary(string name) =>
        (name is "mscorlib" or "netstandard" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal))
        && !ForbiddenBaseLibrary.Contains(name)
        && File.Exists(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, name + ".dll"));

    private static IReadOnlyList<(string Namespace, string FullName)> TypeReferences()
    {
        using var pe = new PEReader(File.OpenRead(Core.Location));
        var md = pe.GetMetadataReader();
        return md.TypeReferences.Select(h => md.GetTypeReference(h))
            .Select(t => (md.GetString(t.Namespace), $"{md.GetString(t.Namespace)}.{md.GetString(t.Name)}"))
            .ToList();
    }

    /// <summary>Every method and field Core calls outside itself, as "Namespace.Type.Member".</summary>
    private static IReadOnlyList<string> MemberReferences()
    {
        using var pe = new PEReader(File.OpenRead(Core.Location));
        var md = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
                continue;
            var type = md.GetTypeReference((TypeReferenceHandle)member.Parent);
            names.Add($"{md.GetString(type.Namespace)}.{md.GetString(type.Name)}.{md.GetString(member.Name)}");
        }
        return names;
    }
}
