using System.CommandLine;

namespace M365Scanner.Evaluation;

/// <summary>
/// <c>m365scanner-eval [--data &lt;dir&gt;] [--split tune|report|all] [--seed N] [--show-misses N] [--write-docs]</c>:
/// the replayable evaluation of issue 3, item 5, on Enron and on modern list mail (issue 13). Runnable with any
/// output writers (tests capture them).
/// </summary>
public static class EvaluationApp
{
    public const int BadArguments = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken = default)
    {
        var data = new Option<string>("--data")
        {
            Description = "The shared data folder (enron/, phishing/). Default: ../shared/data beside the repository root.",
        };
        var split = new Option<string>("--split")
        {
            Description = "Which split to report: tune (weights may be fitted here), report (the numbers to quote), " +
                          "or all (tune, report, and both together).",
            DefaultValueFactory = _ => "all",
        };
        split.AcceptOnlyFromAmong("tune", "report", "all");
        var seed = new Option<int>("--seed")
        {
            Description = "Seed for the attack construction (which messages, URLs, PDFs, dates).",
            DefaultValueFactory = _ => 1,
        };
        var showMisses = new Option<int>("--show-misses")
        {
            Description = "Print up to N benign false positives, N missed attacks and N flagged original links.",
            DefaultValueFactory = _ => 0,
        };
        showMisses.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
                r.AddError("--show-misses must be 0 or more.");
        });

        var writeDocs = new Option<bool>("--write-docs")
        {
            Description = "Write the signal firing rates into docs/SCORING.md (with --split tune only: the report split is not for tuning).",
        };
        var root = new RootCommand("Replays the shared Enron mailboxes and the usrp-users list subscribers with injected phishing and prints the product's detection tables.")
        {
            data, split, seed, showMisses, writeDocs,
        };
        root.Validators.Add(r =>
        {
            if (r.GetValue(writeDocs) && r.GetValue(split) != "tune")
                r.AddError("--write-docs needs --split tune: the firing rates in docs/SCORING.md are the tune split's.");
        });
        root.SetAction((parse, _) => Task.FromResult(new EvaluationRun(
            parse.GetValue(data), parse.GetValue(split)!, parse.GetValue(seed), parse.GetValue(showMisses),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error,
            parse.GetValue(writeDocs) ? Path.Combine(Data.DataRoot.RepositoryRoot(), "docs", "SCORING.md") : null).Execute()));

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
                await stderr.WriteLineAsync(error.Message);
            await stderr.WriteLineAsync("Run with --help for usage.");
            return BadArguments;
        }
        return await result.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }
}
