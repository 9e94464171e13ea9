using M365Scanner.HostileCorpus;
using M365Scanner.HostileCorpus.Outcomes;

// The corpus as files, for scripts/hostile-docs-bench:
//   list                                   one line per item: name, then what it hides
//   write <dir> [name...]                  writes <name>.eml for every (or each named) item, prints the paths
//   judge <name> <exit-code|timeout> <jsonl-file>
//                                          prints action, notes count, link found, and the missed targets (tab-separated)
return args switch
{
    ["list"] => List(),
    ["write", var dir, .. var names] => Write(dir, names),
    ["judge", var name, var exit, var jsonl] => Judge(Corpus.Get(name), exit, jsonl),
    _ => Usage(),
};

static int List()
{
    foreach (var item in Corpus.All)
        Console.WriteLine($"{item.Name}\t{item.Description}");
    return 0;
}

static int Write(string dir, string[] names)
{
    Directory.CreateDirectory(dir);
    foreach (var item in names.Length == 0 ? Corpus.All : names.Select(Corpus.Get))
        Console.WriteLine(item.WriteTo(dir));
    return 0;
}

static int Judge(HostileItem item, string exit, string jsonl)
{
    int? code = int.TryParse(exit, out var c) ? c : null;
    var outcome = ScanOutcome.Read(item, code, File.Exists(jsonl) ? File.ReadAllText(jsonl) : "");
    var misses = outcome.Misses(item);
    Console.WriteLine(string.Join('\t', outcome.Action ?? "-", outcome.Notes.Count, outcome.LinkFound ? "found" : "not found",
        misses.Count == 0 ? "target met" : string.Join("; ", misses)));
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: M365Scanner.HostileCorpus list | write <dir> [name...] | judge <name> <exit-code|timeout> <jsonl-file>");
    return 2;
}
