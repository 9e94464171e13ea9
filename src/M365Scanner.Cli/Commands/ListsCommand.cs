using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using M365Scanner.Core.Reference;
using M365Scanner.Storage.Reference;

namespace M365Scanner.Cli.Commands;

/// <summary><c>lists</c>: every reference list the scanner loads, with its provenance (source, commit, date), its
/// entry count and where it was loaded from. With <c>--from</c>, the named lists are first read from a file or an
/// https URL the way the host refreshes them, so a new copy can be checked before it is configured.</summary>
public static class ListsCommand
{
    public static Command Create()
    {
        var from = new Option<string[]>("--from")
        {
            Description = "<list>=<absolute path or https URL>: read that list from there first (repeatable), as the host's refresh would.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("lists", "List the reference lists in use: provenance, entry count, where each was loaded from (Markdown).") { from };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var sources = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parse.GetValue(from) ?? [])
            {
                var eq = pair.IndexOf('=');
                var name = eq > 0 ? pair[..eq] : "";
                if (ReferenceLists.Find(name) is not { } spec || ReferenceSourceLocation.Parse(pair[(eq + 1)..]) is null)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync(
                        $"--from {pair}: expected <list>=<absolute path or https URL> with a list name from this table.");
                    return ExitCodes.BadArguments;
                }
                sources[spec.Name] = pair[(eq + 1)..];
            }
            var data = ReferenceData.Current;
            if (sources.Count > 0)
            {
                var refresher = new ReferenceRefresher(Options.Create(new ReferenceDataOptions { Refresh = true, Sources = sources }),
                    new PlainHttpClientFactory(), NullLogger<ReferenceRefresher>.Instance, TimeProvider.System, data, _ => { });
                foreach (var outcome in await refresher.RefreshAsync(cancellationToken))
                {
                    if (outcome.Result == ReferenceRefreshResult.Kept)
                        await parse.InvocationConfiguration.Error.WriteLineAsync($"{outcome.List}: kept the shipped copy: {outcome.Reason}");
                }
                data = refresher.Current;
            }
            await parse.InvocationConfiguration.Output.WriteAsync(Table(data));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The Markdown table of <paramref name="data"/>'s lists, in catalog order.</summary>
    public static string Table(ReferenceData data)
    {
        var rows = data.Lists.Select(l =>
            $"| `{l.Name}` | {l.Entries.Count} | {Cell(l.Provenance.Source)} | {Cell(Short(l.Provenance.Commit))} | {Cell(l.Provenance.Date)} | {Cell(l.LoadedFrom)} |\n");
        return "| list | entries | source | commit | date | loaded from |\n|---|---|---|---|---|---|\n" + string.Concat(rows);
    }

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;

    private static string Cell(string text) => text.Length == 0 ? "-" : text.Replace("|", "\\|");

    private sealed class PlainHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new() { Timeout = TimeSpan.FromMinutes(2) };
    }
}
