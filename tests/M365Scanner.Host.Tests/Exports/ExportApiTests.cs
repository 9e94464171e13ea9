using System.Net;
using System.Text;
using System.Text.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Tests.TestSupport;

namespace M365Scanner.Host.Tests.Exports;

/// <summary><c>GET /api/admin/export/verdicts</c> and <c>/audit</c> over real HTTP: paging with the cursor while the
/// scanner writes, the CSV's escaping, and the refusals.</summary>
public sealed class ExportApiTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ExportVerdicts_PagedWithASmallLimitWhileVerdictsAreRecorded_ReadsEveryFinalStateAndNoChangeTwice()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        var final = new Dictionary<string, string>();
        var written = 0;
        void Record(int i, MessageAction action)
        {
            var key = new MessageKey(env.TenantId, ScannerEnvironment.Mailbox, $"export-{i}@partner.example");
            env.Verdicts.Record(new VerdictRecord(key, "AAMk" + i, T0.AddSeconds(i), action, 0.5, "why", true, "[]", ""));
            lock (final)
                final[key.MessageId] = StableName.Of(action);
        }
        // The writer records 120 verdicts, every fourth one again as a quarantine (a rescan); it waits for the
        // reader's first page halfway, so the reads and the writes interleave.
        using var firstPage = new SemaphoreSlim(0);
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 120; i++)
            {
                if (i == 60 && !await firstPage.WaitAsync(TimeSpan.FromSeconds(30)))
                    throw new TimeoutException("the reader read no page within 30 s");
                Record(i, MessageAction.Allow);
                if (i % 4 == 3)
                    Record(i - 3, MessageAction.Quarantine);
                Interlocked.Increment(ref written);
            }
        });

        using var admin = env.AdminClient();
        var lines = new List<JsonElement>();
        string? cursor = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var writerDone = writer.IsCompleted;
            var (page, next) = await PageAsync(admin, $"/api/admin/export/verdicts?limit=7&tenant={env.TenantId}", cursor);
            lines.AddRange(page);
            if (page.Count > 0)
            {
                firstPage.Release();
                Assert.Equal(page[^1].GetProperty("cursor").GetString(), next);
            }
            else
                Assert.Equal(cursor ?? "v1.AAAAAAAAAAA", next);
            cursor = next;
            if (writerDone && page.Count == 0)
                break;
        }
        await writer;

        var sequences = lines.Select(l => l.GetProperty("changeSeq").GetInt64()).ToList();
        Assert.Equal(sequences.OrderBy(s => s), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        var last = new Dictionary<string, string>();
        foreach (var line in lines)
            last[line.GetProperty("key").GetProperty("messageId").GetString()!] = line.GetProperty("action").GetString()!;
        Assert.Equal(final.OrderBy(p => p.Key), last.OrderBy(p => p.Key));
        Assert.Contains(final.Values, a => a == "quarantine");
    }

    [Fact]
    public async Task ExportVerdictsAndAudit_AsCsv_QuoteFieldsAndDefuseFormulas()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        var key = new MessageKey(env.TenantId, ScannerEnvironment.Mailbox, "csv-1@partner.example");
        const string links = """
            [{"url":"https://partner.example/a","target":"https://partner.example/a","domain":"partner.example","origin":"body","text":"a","score":0.1,"action":"allow","reasons":[]},
             {"url":"https://evil.example/x?a=1,2","target":"https://evil.example/x","domain":"evil.example","origin":"attachment:i.pdf/page 1","text":"x","score":0.9,"action":"rewrite","reasons":["new"]}]
            """;
        env.Verdicts.Record(new VerdictRecord(key, "AAMk1", T0, MessageAction.Rewrite, 0.9, "why, and \"how\"", true, links, "line one\nline two",
            Subject: "=HYPERLINK(\"https://evil.example\",\"Invoice\")", Sender: "@attacker.example"));
        env.Audit.Append(new AuditEntry(0, T0, "scanner", key, AuditAction.Rewrite, AuditState.Started, "AAMk1", null, "+1 reason, with a comma"));

        using var admin = env.AdminClient();
        using var verdictResponse = await admin.GetAsync($"/api/admin/export/verdicts?format=csv&tenant={env.TenantId}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/export/audit?tenant={env.TenantId}");
        request.Headers.Accept.ParseAdd("text/csv");
        using var auditResponse = await admin.SendAsync(request);

        Assert.Equal("text/csv", verdictResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/csv", auditResponse.Content.Headers.ContentType?.MediaType);
        var verdicts = ParseCsv(await verdictResponse.Content.ReadAsStringAsync());
        var verdict = Row(verdicts, 1);
        Assert.Equal("'=HYPERLINK(\"https://evil.example\",\"Invoice\")", verdict["subject"]);
        Assert.Equal("'@attacker.example", verdict["sender"]);
        Assert.Equal("why, and \"how\"", verdict["explanation"]);
        Assert.Equal("line one\nline two", verdict["notes"]);
        Assert.Equal("2", verdict["linkCount"]);
        Assert.Equal("https://evil.example/x?a=1,2", verdict["flaggedUrls"]);
        Assert.Equal("rewrite", verdict["action"]);
        Assert.Equal(verdictResponse.Headers.GetValues("X-Next-Cursor").Single(), verdict["cursor"]);
        var entry = Row(ParseCsv(await auditResponse.Content.ReadAsStringAsync()), 1);
        Assert.Equal("'+1 reason, with a comma", entry["reasons"]);
        Assert.Equal("started", entry["state"]);
        // The quoting is RFC 4180's on the wire: a quoted field doubles its quotes, records end with CRLF.
        var raw = await (await admin.GetAsync($"/api/admin/export/verdicts?format=csv&tenant={env.TenantId}")).Content.ReadAsStringAsync();
        Assert.Contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Invoice\"\")\"", raw, StringComparison.Ordinal);
        Assert.StartsWith("cursor,changeSeq,tenantId,", raw, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Refuses_ABadCursorOrFormatWith400AndTheReason_AndAnAnonymousCallerWith401()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        using var admin = env.AdminClient();
        using var anonymous = new HttpClient { BaseAddress = new Uri(env.BaseUrl) };

        foreach (var query in new[] { "cursor=42", "cursor=v1.%21%21", "cursor=v1.AAAA", "cursor=v1.gAAAAAAAAAA", "format=xml", "limit=many" })
        {
            using var response = await admin.GetAsync("/api/admin/export/verdicts?" + query);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {response.StatusCode}");
            Assert.Contains(query.Split('=')[0], await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/export/verdicts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/export/audit")).StatusCode);
        using var empty = await admin.GetAsync("/api/admin/export/audit?tenant=no-such-tenant");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("application/x-ndjson", empty.Content.Headers.ContentType?.MediaType);
        Assert.Equal("", await empty.Content.ReadAsStringAsync());
    }

    private static async Task<(List<JsonElement> Lines, string Next)> PageAsync(HttpClient admin, string path, string? cursor)
    {
        using var response = await admin.GetAsync(cursor is null ? path : $"{path}&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        // Streamed as it is read, so its length is not known when the headers go out.
        Assert.True(response.Headers.TransferEncodingChunked);
        var body = await response.Content.ReadAsStringAsync();
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (lines, response.Headers.GetValues("X-Next-Cursor").Single());
    }

    private static Dictionary<string, string> Row(List<List<string>> records, int index) =>
        records[0].Zip(records[index]).ToDictionary(p => p.First, p => p.Second);

    /// <summary>RFC 4180, strictly: fields separated by commas, records by CRLF, a quoted field's quotes doubled.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    field.Append(text[++i]);
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
                field.Append(c);
        }
        Assert.Empty(record);
        return records;
    }
}
