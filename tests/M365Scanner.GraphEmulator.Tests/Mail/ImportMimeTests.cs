using System.Text;
using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace M365Scanner.GraphEmulator.Tests.Mail;

public sealed class ImportMimeTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    /// <summary>importMime is beta-only and absent from the v1.0 SDK, so it is sent through the SDK's request adapter.</summary>
    private async Task<Message?> ImportAsync(Uri betaBase, string userId, string folder, byte[] mime)
    {
        var beta = GraphClients.Create(betaBase, f.Emulator.CreateHttpHandler(),
            GraphClients.SecretCredential(f.Emulator, f.Tenant.Id, f.App.ClientId, EmulatorFixture.Secret));
        var request = new RequestInformation { HttpMethod = Method.POST, URI = new Uri($"{betaBase}/users/{userId}/mailFolders/{folder}/importMime") };
        request.SetStreamContent(new MemoryStream(Encoding.ASCII.GetBytes(Convert.ToBase64String(mime))), "text/plain");
        return await beta.RequestAdapter.SendAsync(request, Message.CreateFromDiscriminatorValue,
            new Dictionary<string, ParsableFactory<IParsable>> { ["XXX"] = ODataError.CreateFromDiscriminatorValue });
    }

    [Fact]
    public async Task ImportMime_CreatesNonDraft_AndMimeRoundTrips()
    {
        var user = f.NewUser();
        var mime = Mime.Message("imported", html: "<p>rewritten <a href=\"https://scanner.example/block\">link</a></p>",
            attachment: ("a.pdf", Encoding.ASCII.GetBytes("%PDF-1.4"), "application/pdf"));

        var created = await ImportAsync(f.Emulator.GraphBeta, user.Id, "inbox", mime);
        await using var stream = await f.Graph.Users[user.Id].Messages[created!.Id].Content.GetAsync();
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);

        Assert.False(created.IsDraft);
        Assert.Equal("imported", created.Subject);
        Assert.True(created.HasAttachments);
        Assert.Equal(mime, copy.ToArray());
    }

    [Fact]
    public async Task ImportMime_IsNotOnV1()
    {
        var user = f.NewUser();

        var e = await Assert.ThrowsAsync<ODataError>(() => ImportAsync(f.Emulator.GraphV1, user.Id, "inbox", Mime.Message("nope")));

        Assert.Equal(400, e.ResponseStatusCode);
    }
}
