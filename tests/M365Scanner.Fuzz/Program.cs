using System.Diagnostics;
using System.Text;
using M365Scanner.Fuzz;
using M365Scanner.Fuzz.Targets;
using SharpFuzz;

FuzzTarget[] targets = [new MimeTarget(), new HtmlTarget(), new PdfTarget(), new PdfRewriteTarget(), new OfficeTarget(), new UrlTarget()];

const string Usage = """
    usage: M365Scanner.Fuzz <target>                            fuzz under afl-fuzz (reads stdin once without it)
           M365Scanner.Fuzz --list                              the targets
           M365Scanner.Fuzz --write-seeds <dir> <target>        write the target's seed inputs into <dir>
           M365Scanner.Fuzz --write-dictionary <file> <target>  write the target's AFL++ dictionary
           M365Scanner.Fuzz --replay <target> <file>...         run inputs in this process: outcome and time each
    Run it as `dotnet M365Scanner.Fuzz.dll ...`: scripts/fuzz does all of it.
    """;

FuzzTarget? Find(string name) => targets.FirstOrDefault(t => t.Name == name);

int Fail(string message)
{
    Console.Error.WriteLine(message);
    Console.Error.WriteLine(Usage);
    return 2;
}

switch (args)
{
    case ["--list"]:
        foreach (var target in targets)
            Console.WriteLine($"{target.Name,-12} {target.Description}");
        return 0;

    case ["--write-seeds", var dir, var name] when Find(name) is { } target:
        Directory.CreateDirectory(dir);
        foreach (var (file, bytes) in target.Seeds())
            File.WriteAllBytes(Path.Combine(dir, file), bytes);
        return 0;

    case ["--write-dictionary", var file, var name] when Find(name) is { } target:
        File.WriteAllLines(file, target.DictionaryTokens().Distinct(StringComparer.Ordinal).Select(AflDictionary.Entry));
        return 0;

    case ["--replay", var name, .. var files] when Find(name) is { } target && files.Length > 0:
        return Replay(target, files);

    case [var name] when Find(name) is { } target:
        // Out of process: the SharpFuzz server talks to AFL++ and runs inputs in a child it restarts when a stack
        // overflow or a timeout kills it. In-process fuzzing would end the whole campaign at the first such input.
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target.Run(buffer.ToArray());
        });
        return 0;

    default:
        return Fail(args.Length == 0 ? "no target given" : $"unknown target or arguments: {string.Join(' ', args)}");
}

// One line per input, so a triage script can keep the unique failures; a stack overflow still ends the process
// (the script replays one file per process for that reason).
static int Replay(FuzzTarget target, string[] files)
{
    var failed = 0;
    foreach (var file in files)
    {
        var input = File.ReadAllBytes(file);
        var clock = Stopwatch.StartNew();
        try
        {
            target.Run(input);
            Console.WriteLine($"ok\t{clock.ElapsedMilliseconds} ms\t{file}");
        }
        catch (Exception e)
        {
            failed++;
            var frame = new StackTrace(e, fNeedFileInfo: false).GetFrames()
                .Select(f => f.GetMethod())
                .FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("M365Scanner.Fuzz", StringComparison.Ordinal) == false);
            var where = frame is null ? "?" : $"{frame.DeclaringType?.FullName}.{frame.Name}";
            Console.WriteLine($"CRASH\t{clock.ElapsedMilliseconds} ms\t{file}\t{e.GetType().FullName} at {where}: " +
                              e.Message.ReplaceLineEndings(" "));
            Console.Error.WriteLine(e);
        }
    }
    return failed == 0 ? 0 : 1;
}

/// <summary>AFL++ dictionary lines: "token" with \" \\ and non-printable bytes escaped as \xNN.</summary>
internal static class AflDictionary
{
    public static string Entry(string token)
    {
        var text = new StringBuilder("\"");
        foreach (var b in Encoding.UTF8.GetBytes(token))
        {
            if (b is (byte)'"' or (byte)'\\')
                text.Append('\\').Append((char)b);
            else if (b is < 0x20 or >= 0x7f)
                text.Append($"\\x{b:X2}");
            else
                text.Append((char)b);
        }
        return text.Append('"').ToString();
    }
}
