using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using M365Scanner.Graph.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>A mailbox of the environment as any Graph client sees it, over HTTP with an app token of its own (not
/// through the emulator's in-process control): what a test asserts the scanner left behind.</summary>
public sealed class MailboxOverGraph : IDisposable
{
    /// <summary>The named property marking the scanner's copies, as it travels on the wire (its value is the
    /// original's Graph id, tagged by the deployment's <see cref="OwnMessageMarker"/>).</summary>
    public const string CopyOfProperty = "String {6f1c2a8e-4b7d-4e0a-9c35-2d8f1b6e7a40} Name M365ScannerCopyOf";

    private readonly HttpClient _http;
    private readonly string _mailbox;
    private readonly OwnMessageMarker _marker;

    public MailboxOverGraph(ScannerEnvironment env, string mailbox = ScannerEnvironment.Mailbox)
    {
        var app = env.Control.RegisterApp(env.TenantId, secret: "assertions-only", grantedRoles: ["Mail.ReadWrite"]);
        var token = env.Control.IssueAccessToken(env.TenantId, app.ClientId, ["Mail.ReadWrite"]);
        _http = new HttpClient(env.Emulator.CreateHttpHandler()) { BaseAddress = new Uri(env.Emulator.GraphV1.ToString().TrimEnd('/') + "/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _mailbox = mailbox;
        _marker = env.Host.Services.GetRequiredService<OwnMessageMarker>();
    }

    /// <summary>Every message of the mailbox, any folder, whose Message-ID is <paramref name="internetMessageId"/>
    /// (without brackets), with the value of the scanner's copy marker when it has one that verifies.</summary>
    public async Task<IReadOnlyList<GraphListedMessage>> WithMessageIdAsync(string internetMessageId)
    {
        var filter = Uri.EscapeDataString($"internetMessageId eq '<{internetMessageId}>'");
        var expand = Uri.EscapeDataString($"singleValueExtendedProperties($filter=id eq '{CopyOfProperty}')");
        var page = await _http.GetFromJsonAsync<JsonElement>(
            $"users/{_mailbox}/messages?$select=id,parentFolderId,internetMessageId&$filter={filter}&$expand={expand}&$top=100");
        return [.. page.GetProperty("value").EnumerateArray().Select(m => new GraphListedMessage(
            m.GetProperty("id").GetString()!,
            m.GetProperty("parentFolderId").GetString()!,
            _marker.Read(_mailbox, m.GetProperty("id").GetString()!, m.TryGetProperty("singleValueExtendedProperties", out var properties)
                ? properties.EnumerateArray().Select(p => p.GetProperty("value").GetString()).FirstOrDefault()
                : null)))];
    }

    /// <summary>The scanner's copies of the message, wherever they are.</summary>
    public async Task<IReadOnlyList<GraphListedMessage>> CopiesAsync(string internetMessageId) =>
        [.. (await WithMessageIdAsync(internetMessageId)).Where(m => m.CopyOf is not null)];

    /// <summary>Creates in the inbox a received message marked as the scanner's copy of <paramref name="originalId"/>,
    /// with the original's Message-ID: the copy an earlier run left behind without recording it (its marker tagged with
    /// the deployment's key, as that run tagged it).</summary>
    public async Task<string> CreateUntrackedCopyAsync(string internetMessageId, string originalId)
    {
        var response = await _http.PostAsJsonAsync($"users/{_mailbox}/mailFolders/inbox/messages", new
        {
            subject = "Invoice",
            body = new { contentType = "text", content = "the rewritten copy a killed run made" },
            internetMessageId = $"<{internetMessageId}>",
            singleValueExtendedProperties = new[]
            {
                new { id = "Integer 0x0E07", value = "0" },
                new { id = CopyOfProperty, value = _marker.Mark(_mailbox, originalId) },
            },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public void Dispose() => _http.Dispose();
}

/// <param name="CopyOf">The value of the scanner's copy marker (the original's Graph id), or null when the message is not
/// a copy or its marker does not verify.</param>
public sealed record GraphListedMessage(string Id, string ParentFolderId, string? CopyOf);
