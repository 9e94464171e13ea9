using System.CommandLine;
using M365Scanner.Cli.Output;
using M365Scanner.Cli.Scanning;
using M365Scanner.DocumentWorker.Pool;

namespace M365Scanner.Cli.Commands;

/// <summary>
/// <c>scan --mailbox &lt;smtp&gt; [--history &lt;dir&gt;]... [--tenant-domain &lt;domain&gt;]... [--format jsonl|text] [--no-learn] &lt;path&gt;...</c>:
/// scores .eml files as if newly delivered to the mailbox. The contract is stable; the product's evaluation uses it.
/// </summary>
public sealed class ScanCommand
{
    private readonly Option<string> Mailbox = new("--mailbox")
    {
        Description = "SMTP address of the mailbox the messages are delivered to.",
        Required = true,
    };

    private readonly Option<string[]> History = new("--history")
    {
        Description = "Folder of past messages of this mailbox (repeatable); the correspondence graph is built from it.",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string[]> TenantDomain = new("--tenant-domain")
    {
        Description = "The organisation's own domain (repeatable). Default: the domain of --mailbox.",
    };

    private readonly Option<string> Format = new("--format")
    {
        Description = "jsonl (one JSON object per message, the default) or text (a table for people).",
        DefaultValueFactory = _ => "jsonl",
    };

    private readonly Option<bool> NoLearn = new("--no-learn")
    {
        Description = "Learn nothing from the inputs: score each against the --history alone. By default inputs are "
            + "scored in Date order and each allowed one is learned before the next, as the host does with deliveries.",
    };

    private readonly Argument<string[]> Paths = new("path")
    {
        Description = ".eml files or folders of them (every regular file in a folder is read as RFC 822).",
        Arity = ArgumentArity.OneOrMore,
    };

    private ScanCommand() => Format.AcceptOnlyFromAmong("jsonl", "text");

    // Options are per instance: a System.CommandLine symbol belongs to the one command tree it is added to.
    public static Command Create() => new ScanCommand().Build();

    private Command Build()
    {
        var command = new Command("scan", "Score .eml files offline as if newly delivered to a mailbox.")
        {
            Mailbox, History, TenantDomain, Format, NoLearn, Paths,
        };
        command.Validators.Add(result =>
        {
            var mailbox = result.GetValue(Mailbox);
            if (mailbox is not null && !LooksLikeAddress(mailbox))
                result.AddError($"--mailbox must be an SMTP address (name@domain), got '{mailbox}'.");
            var missing = InputFiles.FirstMissing([.. result.GetValue(Paths) ?? [], .. result.GetValue(History) ?? []]);
            if (missing is not null)
                result.AddError($"No such file or folder: {missing}");
        });
        command.SetAction((parse, _) => Task.FromResult(Run(parse)));
        return command;
    }

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var mailbox = parse.GetRequiredValue(Mailbox);
        string[] tenantDomains = parse.GetValue(TenantDomain) is { Length: > 0 } given ? given : [mailbox[(mailbox.IndexOf('@') + 1)..]];

        var settings = ScannerSettings.Load();
        PdfWorkerPool? workers;
        try
        {
            // PDFs are parsed in worker processes, so one that overflows the stack costs a worker, not the scan.
            workers = settings.DocumentWorkers.Enabled
                ? new PdfWorkerPool(settings.DocumentWorkers, settings.Extraction, new TextWriterLogger(stderr))
                : null;
        }
        catch (FileNotFoundException e)
        {
            stderr.WriteLine($"{e.Message} (M365SCANNER_DocumentWorkers__Enabled=false parses PDFs in this process instead)");
            return ExitCodes.Failure;
        }
        using var pool = workers;
        var scan = new OfflineScan(settings, mailbox, tenantDomains, stderr, workers);
        scan.LearnHistory(InputFiles.Expand(parse.GetValue(History) ?? []));
        IScanWriter writer = parse.GetValue(Format) == "text" ? new TextTableWriter(stdout) : new JsonLinesWriter(stdout);
        foreach (var record in scan.Scan([.. InputFiles.Expand(parse.GetValue(Paths) ?? [])], learn: !parse.GetValue(NoLearn)))
            writer.Write(record);
        writer.Complete();
        return ExitCodes.Success;
    }

    private static bool LooksLikeAddress(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);
    }
}
