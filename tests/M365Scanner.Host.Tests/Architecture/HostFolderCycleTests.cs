using System.Text.RegularExpressions;

namespace M365Scanner.Host.Tests.Architecture;

/// <summary>
/// The host's feature folders depend on each other in one direction only, so a newcomer can read a feature without
/// reading the ones above it. Read from the sources: a file depends on folder G when it names the namespace
/// <c>M365Scanner.Host.G</c>, and on a file at the root (whose types every namespace sees without a using) when it
/// names a type declared there. Root files are a node each: the root holds both the app that wires every feature
/// and the options every feature reads, which per file form no loop.
/// </summary>
public partial class HostFolderCycleTests
{
    [Fact]
    public void FeatureFolders_DependOnEachOther_WithoutACycle()
    {
        var graph = DependencyGraph(HostSources());

        var cycle = FindCycle(graph);

        Assert.True(cycle is null, $"The host's folders form a cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void FindCycle_ReportsALoop_AndNothingForALayeredGraph()
    {
        var loop = new Dictionary<string, HashSet<string>> { ["Jobs"] = ["Scanning"], ["Scanning"] = ["Mailboxes"], ["Mailboxes"] = ["Jobs"] };
        var layered = new Dictionary<string, HashSet<string>> { ["Scanning"] = ["Jobs", "Mailboxes"], ["Mailboxes"] = ["Jobs"], ["Jobs"] = [] };

        Assert.Equal(["Jobs", "Scanning", "Mailboxes", "Jobs"], FindCycle(loop));
        Assert.Null(FindCycle(layered));
    }

    [Fact]
    public void DependencyGraph_SeesNamespacesAndRootTypes()
    {
        var graph = DependencyGraph([
            ("Scanning/ScanMessageJob.cs", "using M365Scanner.Host.Jobs;\nnamespace M365Scanner.Host.Scanning;\nclass ScanMessageJob(ScannerHostOptions o) {}"),
            ("Jobs/JobQueues.cs", "namespace M365Scanner.Host.Jobs;\nclass JobQueues {}"),
            ("ScannerHostOptions.cs", "namespace M365Scanner.Host;\npublic sealed class ScannerHostOptions {}"),
        ]);

        Assert.Equal(["Jobs", "root:ScannerHostOptions.cs"], graph["Scanning"].Order());
        Assert.Empty(graph["Jobs"]);
    }

    private static IEnumerable<(string Path, string Text)> HostSources()
    {
        var host = Path.Combine(RepositoryRoot(), "src", "M365Scanner.Host");
        return Directory.GetFiles(host, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(host, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(Path.Combine(host, f))));
    }

    private static Dictionary<string, HashSet<string>> DependencyGraph(IEnumerable<(string Path, string Text)> sources)
    {
        var files = sources.Select(s => (Node: Node(s.Path), s.Text)).ToList();
        // The types each root file declares: naming one of them is depending on that file.
        var rootTypes = files.Where(f => f.Node.StartsWith("root:", StringComparison.Ordinal))
            .SelectMany(f => TypeDeclaration().Matches(f.Text).Select(m => (Type: m.Groups[1].Value, f.Node)))
            .ToList();
        var graph = files.Select(f => f.Node).Distinct().ToDictionary(n => n, _ => new HashSet<string>());
        foreach (var (node, text) in files)
        {
            var code = Comment().Replace(text, "");
            foreach (Match m in HostNamespace().Matches(code))
                graph[node].Add(m.Groups[1].Value);
            foreach (var (type, declaredIn) in rootTypes)
                if (Regex.IsMatch(code, $@"\b{Regex.Escape(type)}\b"))
                    graph[node].Add(declaredIn);
            graph[node].Remove(node);
        }
        return graph;
    }

    private static string Node(string path) => path.Contains('/') ? path[..path.IndexOf('/')] : $"root:{path}";

    /// <summary>The first cycle found by depth-first search, as the path that closes it; null when there is none.</summary>
    private static List<string>? FindCycle(IReadOnlyDictionary<string, HashSet<string>> graph)
    {
        var done = new HashSet<string>();
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            if (path.Contains(node))
                return [.. path.Skip(path.IndexOf(node)), node];
            if (!done.Add(node))
                return null;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
                if (Visit(next) is { } cycle)
                    return cycle;
            path.RemoveAt(path.Count - 1);
            return null;
        }
        return graph.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "M365Scanner.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"Could not find M365Scanner.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\bM365Scanner\.Host\.([A-Z][A-Za-z]*)\b")]
    private static partial Regex HostNamespace();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+([A-Z][A-Za-z0-9]*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
