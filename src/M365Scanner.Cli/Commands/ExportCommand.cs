using System.CommandLine;
using System.Text;

namespace M365Scanner.Cli.Commands;

/// <summary><c>export --kind verdicts|audit [--format jsonl|csv] [--tenant T] [--limit N] [--cursor-file PATH]
/// [--out PATH] --host URL [--api-key KEY]</c>: reads every change after the saved cursor through the admin API's
/// export, page by page until the host has nothing newer, and writes it to stdout or appends it to a file.</summary>
/// <remarks>After each page the output is flushed (to disk, for <c>--out</c>) and only then is the page's cursor saved,
/// so a run that dies in between exports that page again on the next run rather than losing it: a consumer may see a
/// change twice across a crash (the <c>changeSeq</c> field tells them apart), never miss one.</remarks>
public static class ExportCommand
{
    private const string NextCursorHeader = "X-Next-Cursor";

    public static Command Create()
    {
        var kind = new Option<string>("--kind") { Description = "What to export: verdicts or audit.", Required = true };
        kind.AcceptOnlyFromAmong("verdicts", "audit");
        var format = new Option<string>("--format") { Description = "jsonl (default) or csv.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var tenant = new Option<string>("--tenant") { Description = "One tenant only (default: every tenant)." };
        var limit = new Option<int?>("--limit") { Description = "Rows per request, 1-10000 (default: the host's, 1000)." };
        var cursorFile = new Option<string>("--cursor-file")
        {
            Description = "Where the cursor is kept between runs: read at the start (none: from the beginning), replaced after each page is written.",
        };
        var output = new Option<string>("--out") { Description = "Append to this file instead of writing to stdout." };
        var host = new HostOptions();
        var command = new Command("export", "Export verdicts or audit entries changed since the last run, through the admin API.")
        {
            kind, format, tenant, limit, cursorFile, output,
        };
        host.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(limit) is { } l && l is < 1 or > 10_000)
                result.AddError("--limit must be between 1 and 10000");
        });
        command.SetAction(async (parse, ct) =>
        {
            var key = host.Key(parse);
            using var client = AdminApiClient.Create(parse.GetRequiredValue(host.Host), key);
            var run = new ExportRun(client, key is not null, parse.GetRequiredValue(kind), parse.GetRequiredValue(format),
                parse.GetValue(tenant), parse.GetValue(limit), parse.GetValue(cursorFile) is { } path ? new CursorFile(path) : null,
                parse.InvocationConfiguration.Error);
            if (parse.GetValue(output) is { } outPath)
            {
                var appendingToData = File.Exists(outPath) && new FileInfo(outPath).Length > 0;
                await using var file = new FileStream(outPath, FileMode.Append, FileAccess.Write, FileShare.Read);
                await using var writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                return await run.RunAsync(writer, writeCsvHeader: !appendingToData, () => file.Flush(flushToDisk: true), ct);
            }
            return await run.RunAsync(parse.InvocationConfiguration.Output, writeCsvHeader: true, () => { }, ct);
        });
        return command;
    }

    private sealed class ExportRun(HttpClient client, bool sentKey, string kind, string format, string? tenant, int? limit,
        CursorFile? cursorFile, TextWriter stderr)
    {
        public async Task<int> RunAsync(TextWriter output, bool writeCsvHeader, Action flushToDisk, CancellationToken ct)
        {
            var cursor = cursorFile?.Read();
            while (true)
            {
                using var response = await client.GetAsync(PageUri(cursor), HttpCompletionOption.ResponseHeadersRead, ct);
                if (!response.IsSuccessStatusCode)
                    return await AdminApiClient.ReportAsync(response, sentKey, TextWriter.Null, stderr, ct);
                if (!response.Headers.TryGetValues(NextCursorHeader, out var values) || values.SingleOrDefault() is not { Length: > 0 } next)
                {
                    await stderr.WriteLineAsync($"The host's answer has no {NextCursorHeader} header: is {client.BaseAddress} an M365Scanner host with exports?");
                    return ExitCodes.Failure;
                }
                try
                {
                    writeCsvHeader = await CopyPageAsync(response, output, writeCsvHeader, ct);
                    await output.FlushAsync(ct);
                    flushToDisk();
                }
                catch (IOException ex)
                {
                    // The cursor stays where the last written page left it: the next run fetches this page again.
                    await stderr.WriteLineAsync($"Could not write the export: {ex.Message}");
                    return ExitCodes.Failure;
                }
                if (next == cursor)
                    return ExitCodes.Success;
                cursorFile?.Save(next);
                cursor = next;
            }
        }

        /// <summary>Copies the page's body to <paramref name="output"/>; returns whether a CSV header is still to be written.</summary>
        private async Task<bool> CopyPageAsync(HttpResponseMessage response, TextWriter output, bool writeCsvHeader, CancellationToken ct)
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var reader = new StreamReader(body, Encoding.UTF8);
            // CSV pages each start with the header row: keep the first one of the output only.
            if (format == "csv" && await reader.ReadLineAsync(ct) is { } header && writeCsvHeader)
            {
                await output.WriteAsync(header + "\r\n");
                writeCsvHeader = false;
            }
            var buffer = new char[16 * 1024];
            int read;
            while ((read = await reader.ReadAsync(buffer, ct)) > 0)
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            return writeCsvHeader;
        }

        private string PageUri(string? cursor)
        {
            var query = new StringBuilder($"api/admin/export/{kind}?format={format}");
            if (cursor is not null)
                query.Append("&cursor=").Append(Uri.EscapeDataString(cursor));
            if (tenant is not null)
                query.Append("&tenant=").Append(Uri.EscapeDataString(tenant));
            if (limit is { } l)
                query.Append("&limit=").Append(l);
            return query.ToString();
        }
    }
}
