using System.Text;
using System.Text.Json;
using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using MimeKit;
using ContentType = MimeKit.ContentType;

namespace M365Scanner.GraphEmulator.Tests.Mail;

/// <summary>Attachment metadata without bytes, as Graph serves it: $select nested in $expand=attachments(...), derived
/// properties only by cast, $value for the bytes, and the request log saying how much each answer carried.</summary>
public sealed class AttachmentSelectTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private const string Metadata = "attachments($select=id,name,contentType,size,isInline,microsoft.graph.fileAttachment/contentId)";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4 small pdf https://evil.example/x");

    private (string User, string Id, byte[] Big) DeliverPdfAndBig(int bigBytes = 2 * 1024 * 1024)
    {
        var user = f.NewUser().Id;
        var big = new byte[bigBytes];
        new Random(7).NextBytes(big);
        var body = new BodyBuilder { HtmlBody = "<p>see <img src=\"cid:logo@x\"></p>" };
        body.Attachments.Add("invoice.pdf", Pdf, ContentType.Parse("application/pdf"));
        body.Attachments.Add("archive.bin", big, ContentType.Parse("application/octet-stream"));
        var logo = body.LinkedResources.Add("logo.png", [0x89, 0x50, 0x4E, 0x47], ContentType.Parse("image/png"));
        logo.ContentId = "logo@x";
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse("alice@partner.example"));
        mime.To.Add(MailboxAddress.Parse("bob@contoso.onmicrosoft.com"));
        mime.Subject = "metadata";
        mime.Body = body.ToMessageBody();
        using var stream = new MemoryStream();
        mime.WriteTo(stream);
        return (user, f.Emulator.Control.Deliver(f.Tenant.Id, user, stream.ToArray()), big);
    }

    [Fact]
    public async Task ExpandWithNestedSelect_GivesTypedMetadataWithoutBytes()
    {
        var (user, id, big) = DeliverPdfAndBig();

        var m = await f.Graph.Users[user].Messages[id].GetAsync(r =>
        {
            r.QueryParameters.Select = ["subject"];
            r.QueryParameters.Expand = [Metadata];
        });

        var attachments = m!.Attachments!.Select(a => Assert.IsType<FileAttachment>(a)).ToDictionary(a => a.Name!);
        Assert.Equal(["archive.bin", "invoice.pdf", "logo.png"], attachments.Keys.Order());
        Assert.All(attachments.Values, a => Assert.Null(a.ContentBytes));
        Assert.All(attachments.Values, a => Assert.NotNull(a.Id));
        Assert.Equal(big.Length, attachments["archive.bin"].Size);
        Assert.Equal("application/pdf", attachments["invoice.pdf"].ContentType);
        Assert.Equal("logo@x", attachments["logo.png"].ContentId);
        Assert.True(attachments["logo.png"].IsInline);
        Assert.Null(attachments["invoice.pdf"].LastModifiedDateTime);
        var logged = f.Emulator.Control.Requests.Last(r => r.Path.EndsWith(id, StringComparison.Ordinal));
        Assert.Contains("attachments($select=id,", Uri.UnescapeDataString(logged.Query), StringComparison.Ordinal);
        Assert.InRange(logged.ResponseBytes, 1, 4 * 1024);
    }

    [Fact]
    public async Task ExpandWithNestedSelect_WritesODataTypeAndIdOnly_PlusSelected()
    {
        var (user, id, _) = DeliverPdfAndBig(1024);
        var request = f.Graph.Users[user].Messages[id].ToGetRequestInformation(r => r.QueryParameters.Expand = ["attachments($select=name)"]);

        await using var stream = await f.Graph.RequestAdapter.SendPrimitiveAsync<Stream>(request);
        using var json = await JsonDocument.ParseAsync(stream!);

        var first = json.RootElement.GetProperty("attachments")[0];
        Assert.Equal(["@odata.type", "id", "name"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("#microsoft.graph.fileAttachment", first.GetProperty("@odata.type").GetString());
    }

    [Theory]
    [InlineData("attachments($select=id,contentId)", "contentId", "microsoft.graph.attachment")]
    [InlineData("attachments($select=contentBytes)", "contentBytes", "microsoft.graph.attachment")]
    [InlineData("attachments($select=microsoft.graph.fileAttachment/colour)", "colour", "microsoft.graph.fileAttachment")]
    public async Task DerivedPropertyWithoutCast_Is400_AsInGraph(string expand, string property, string type)
    {
        var (user, id, _) = DeliverPdfAndBig(1024);

        var e = await Assert.ThrowsAsync<ODataError>(() => f.Graph.Users[user].Messages[id].GetAsync(r => r.QueryParameters.Expand = [expand]));

        Assert.Equal(400, e.ResponseStatusCode);
        Assert.Equal($"Parsing OData Select and Expand failed: Could not find a property named '{property}' on type '{type}'.", e.Error!.Message);
    }

    [Fact]
    public async Task CastContentBytes_InExpand_BringsTheBytes()
    {
        var (user, id, _) = DeliverPdfAndBig(1024);

        var m = await f.Graph.Users[user].Messages[id].GetAsync(r =>
            r.QueryParameters.Expand = ["attachments($select=name,microsoft.graph.fileAttachment/contentBytes)"]);

        Assert.Equal(Pdf, m!.Attachments!.OfType<FileAttachment>().Single(a => a.Name == "invoice.pdf").ContentBytes);
    }

    [Fact]
    public async Task NestedSelectBesideExtendedPropertyFilter_BothHonoured()
    {
        var (user, id, _) = DeliverPdfAndBig(1024);
        const string property = "String {6f1c2a8e-4b7d-4e0a-9c35-2d8f1b6e7a40} Name Marker";
        await f.Graph.Users[user].Messages[id].PatchAsync(new Message
        {
            SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = property, Value = "a,b;c" }],
        });

        var m = await f.Graph.Users[user].Messages[id].GetAsync(r =>
            r.QueryParameters.Expand = [Metadata, $"singleValueExtendedProperties($filter=id eq '{property}')"]);

        Assert.Equal(3, m!.Attachments!.Count);
        Assert.All(m.Attachments.OfType<FileAttachment>(), a => Assert.Null(a.ContentBytes));
        Assert.Equal("a,b;c", Assert.Single(m.SingleValueExtendedProperties!).Value);
    }

    [Fact]
    public async Task OtherOptionInsideAttachments_IsRefused_NotIgnored()
    {
        var (user, id, _) = DeliverPdfAndBig(1024);

        var e = await Assert.ThrowsAsync<ODataError>(() => f.Graph.Users[user].Messages[id].GetAsync(r =>
            r.QueryParameters.Expand = ["attachments($select=id;$filter=size le 10)"]));

        Assert.Equal(400, e.ResponseStatusCode);
    }

    [Fact]
    public async Task ListAttachments_WithSelect_LeavesOutBytes()
    {
        var (user, id, _) = DeliverPdfAndBig();

        var list = await f.Graph.Users[user].Messages[id].Attachments.GetAsync(r => r.QueryParameters.Select = ["id", "name", "size"]);

        Assert.Equal(3, list!.Value!.Count);
        Assert.All(list.Value.OfType<FileAttachment>(), a => Assert.Null(a.ContentBytes));
        Assert.InRange(f.Emulator.Control.Requests.Last(r => r.Path.EndsWith("/attachments", StringComparison.Ordinal)).ResponseBytes, 1, 4 * 1024);
    }

    [Fact]
    public async Task Value_StreamsTheBytes_AndTheLogCountsThem()
    {
        var (user, id, big) = DeliverPdfAndBig();
        var m = await f.Graph.Users[user].Messages[id].GetAsync(r => r.QueryParameters.Expand = [Metadata]);
        var attachmentId = m!.Attachments!.Single(a => a.Name == "archive.bin").Id!;

        var bytes = await ReadValueAsync(user, id, attachmentId);

        Assert.Equal(big, bytes);
        var logged = f.Emulator.Control.Requests.Last(r => r.Path.EndsWith("/$value", StringComparison.Ordinal));
        Assert.Equal((200, (long)big.Length), (logged.Status, logged.ResponseBytes));
    }

    [Fact]
    public async Task MisstatedSize_IsWhatGraphReports_WhileValueKeepsTheRealBytes()
    {
        var (user, id, big) = DeliverPdfAndBig();

        f.Emulator.Control.MisstateAttachmentSize(f.Tenant.Id, user, id, "archive.bin", 100);

        var m = await f.Graph.Users[user].Messages[id].GetAsync(r => r.QueryParameters.Expand = [Metadata]);
        var archive = m!.Attachments!.Single(a => a.Name == "archive.bin");
        Assert.Equal(100, archive.Size);
        Assert.Equal(big, await ReadValueAsync(user, id, archive.Id!));
    }

    private async Task<byte[]> ReadValueAsync(string user, string id, string attachmentId)
    {
        var request = f.Graph.Users[user].Messages[id].Attachments[attachmentId].ToGetRequestInformation();
        request.UrlTemplate = request.UrlTemplate!.Replace("{attachment%2Did}", "{attachment%2Did}/$value");
        await using var raw = await f.Graph.RequestAdapter.SendPrimitiveAsync<Stream>(request);
        using var copy = new MemoryStream();
        await raw!.CopyToAsync(copy);
        return copy.ToArray();
    }
}
