using System.Net.Http.Json;
using System.Text.Json;
using M365Scanner.GraphEmulator.Tests.TestSupport;

namespace M365Scanner.GraphEmulator.Tests.Control;

public sealed class ControlHttpApiTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task HttpControlApi_CreatesTenantUser_DeliversMime_AndReadsBack()
    {
        using var http = new HttpClient(f.Emulator.CreateHttpHandler()) { BaseAddress = new Uri(f.Emulator.AuthorityHost, "_emulator/") };

        var tenant = await (await http.PostAsJsonAsync("tenants", new { domain = "demo.example" })).Content.ReadFromJsonAsync<JsonElement>();
        var tenantId = tenant.GetProperty("id").GetString();
        (await http.PostAsJsonAsync($"tenants/{tenantId}/users", new { userPrincipalName = "demo@demo.example" })).EnsureSuccessStatusCode();
        using var mime = new ByteArrayContent(Mime.Message("over http"));
        (await http.PostAsync($"tenants/{tenantId}/users/demo@demo.example/deliver", mime)).EnsureSuccessStatusCode();
        var messages = await http.GetFromJsonAsync<JsonElement>($"tenants/{tenantId}/users/demo@demo.example/messages");

        var m = Assert.Single(messages.EnumerateArray());
        Assert.Equal("over http", m.GetProperty("subject").GetString());
        Assert.Contains("Subject: over http", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.GetProperty("mime").GetString()!)));
    }
}
