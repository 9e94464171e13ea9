using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Messages.Item.Attachments.CreateUploadSession;

namespace M365Scanner.GraphEmulator.Tests.Mail;

/// <summary>Graph's size limits as the emulator enforces them: a request body over 4 MB is refused with 413, and a
/// large attachment is added through an upload session whose pre-authenticated URL takes ordered ranges of at most
/// 4 MB without a bearer token.</summary>
public sealed class UploadSessionTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task CreateMessage_WithAttachmentInlineOverTheRequestLimit_Is413()
    {
        var user = f.NewUser();

        var e = await Assert.ThrowsAsync<ODataError>(() => f.Graph.Users[user.Id].Messages.PostAsync(new Message
        {
            Subject = "too large",
            Attachments = [new FileAttachment { OdataType = "#microsoft.graph.fileAttachment", Name = "a.pdf", ContentBytes = Bytes(3 * MiB) }],
        }));

        Assert.Equal(413, e.ResponseStatusCode);
        Assert.Equal("RequestEntityTooLarge", e.Error?.Code);
        Assert.Empty(f.Emulator.Control.GetMessages(f.Tenant.Id, user.Id));
    }

    [Fact]
    public async Task AddAttachment_JustUnder3MB_FitsTheRequestLimit_OnAReceivedMessage()
    {
        var (user, id) = Delivered();

        var added = await f.Graph.Users[user].Messages[id].Attachments.PostAsync(
            new FileAttachment { OdataType = "#microsoft.graph.fileAttachment", Name = "a.pdf", ContentBytes = Bytes(2_999_999) });

        Assert.Equal(2_999_999, added?.Size);
    }

    [Fact]
    public async Task UploadSession_OnReceivedMessage_OrderedRanges_LastCreatesTheAttachment()
    {
        var (user, id) = Delivered();
        var content = Bytes(5 * MiB + 17, seed: 3);
        var session = await OpenAsync(user, id, content.Length);
        Assert.Equal(["0-"], session.NextExpectedRanges);

        using var http = new HttpClient(f.Emulator.CreateHttpHandler());
        using var first = await PutAsync(http, session.UploadUrl!, content, 0, 4 * MiB - 1);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var progress = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal((4 * MiB).ToString(), progress.RootElement.GetProperty("nextExpectedRanges")[0].GetString());
        using var last = await PutAsync(http, session.UploadUrl!, content, 4 * MiB, content.Length - 1);

        Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        var attachmentId = last.Headers.Location!.AbsolutePath.Split('/')[^1];
        Assert.False(f.Emulator.Control.GetMessages(f.Tenant.Id, user).Single(m => m.Id == id).IsDraft);
        var attachment = Assert.IsType<FileAttachment>(await f.Graph.Users[user].Messages[id].Attachments[attachmentId].GetAsync());
        Assert.Equal(("big.pdf", "application/pdf"), (attachment.Name, attachment.ContentType));
        Assert.Equal(content, attachment.ContentBytes);
        using var again = await PutAsync(http, session.UploadUrl!, content, 0, 1023);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task UploadSession_RangeOver4MB_Is413_AndNothingIsStored()
    {
        var (user, id) = Delivered();
        var content = Bytes(6 * MiB);
        var session = await OpenAsync(user, id, content.Length);
        using var http = new HttpClient(f.Emulator.CreateHttpHandler());

        using var response = await PutAsync(http, session.UploadUrl!, content, 0, 4 * MiB);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty((await f.Graph.Users[user].Messages[id].Attachments.GetAsync())!.Value!);
    }

    [Theory]
    [InlineData("bytes 0-1023", HttpStatusCode.BadRequest)] // no total
    [InlineData("bytes 0-1023/999", HttpStatusCode.BadRequest)] // total is not the session's size
    [InlineData("items 0-1023/{total}", HttpStatusCode.BadRequest)]
    [InlineData("bytes 1024-2047/{total}", HttpStatusCode.RequestedRangeNotSatisfiable)] // not where the last range ended
    public async Task UploadSession_BadContentRange_IsRefused(string range, HttpStatusCode expected)
    {
        var (user, id) = Delivered();
        var content = Bytes(3 * MiB + 1);
        var session = await OpenAsync(user, id, content.Length);
        using var http = new HttpClient(f.Emulator.CreateHttpHandler());
        using var request = new HttpRequestMessage(HttpMethod.Put, session.UploadUrl) { Content = new ByteArrayContent(content, 0, 1024) };
        request.Content.Headers.TryAddWithoutValidation("Content-Range", range.Replace("{total}", content.Length.ToString()));

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task UploadSession_PutWithBearerToken_Is401_AsOnOutlook()
    {
        var (user, id) = Delivered();
        var content = Bytes(3 * MiB);
        var session = await OpenAsync(user, id, content.Length);
        using var http = new HttpClient(f.Emulator.CreateHttpHandler());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "a-graph-token");

        using var response = await PutAsync(http, session.UploadUrl!, content, 0, content.Length - 1);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UploadSession_WrongAuthToken_IsNotFound()
    {
        var (user, id) = Delivered();
        var content = Bytes(3 * MiB);
        var session = await OpenAsync(user, id, content.Length);
        using var http = new HttpClient(f.Emulator.CreateHttpHandler());
        var forged = session.UploadUrl![..session.UploadUrl!.IndexOf("authtoken=", StringComparison.Ordinal)] + "authtoken=00";

        using var response = await PutAsync(http, forged, content, 0, content.Length - 1);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UploadSession_UrlNamingAnotherMailbox_IsNotFound()
    {
        var (user, id) = Delivered();
        var other = f.NewUser();
        var content = Bytes(3 * MiB);
        var session = await OpenAsync(user, id, content.Length);
        using var http = new HttpClient(f.Emulator.CreateHttpHandler());
        Assert.Contains($"/Users('{user}@{f.Tenant.Id}')/", session.UploadUrl!);
        var elsewhere = session.UploadUrl!.Replace($"/Users('{user}@", $"/Users('{other.Id}@", StringComparison.Ordinal);

        using var response = await PutAsync(http, elsewhere, content, 0, content.Length - 1);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UploadSession_Put_CountsAgainstTheOpeningAppsLimitsOnTheMailbox()
    {
        var (user, id) = Delivered();
        var content = Bytes(3 * MiB);
        using var http = new HttpClient(f.Emulator.CreateHttpHandler());
        // One request a window: opening the session takes it, so the range is over the app's budget on the mailbox.
        f.Emulator.Control.SetThrottling(new ThrottlingOptions { Enabled = true, RequestsPerWindow = 1 });
        try
        {
            var session = await OpenAsync(user, id, content.Length);

            using var throttled = await PutAsync(http, session.UploadUrl!, content, 0, content.Length - 1);

            Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
            Assert.NotNull(throttled.Headers.RetryAfter);
            f.Emulator.Control.SetThrottling(new ThrottlingOptions { Enabled = false });
            using var admitted = await PutAsync(http, session.UploadUrl!, content, 0, content.Length - 1);
            Assert.Equal(HttpStatusCode.Created, admitted.StatusCode);
        }
        finally
        {
            f.Emulator.Control.SetThrottling(new ThrottlingOptions { Enabled = false });
        }
    }

    [Fact]
    public async Task UploadSession_UnderThreeMB_IsRefused()
    {
        var (user, id) = Delivered();

        var e = await Assert.ThrowsAsync<ODataError>(() => OpenAsync(user, id, 2_999_999));

        Assert.Equal("ErrorAttachmentSizeShouldNotBeLessThanMinimumSize", e.Error?.Code);
    }

    [Fact]
    public async Task UploadSession_ForAnItemAttachment_Is405()
    {
        var (user, id) = Delivered();

        var e = await Assert.ThrowsAsync<ODataError>(() => f.Graph.Users[user].Messages[id].Attachments.CreateUploadSession.PostAsync(
            new CreateUploadSessionPostRequestBody { AttachmentItem = new AttachmentItem { AttachmentType = AttachmentType.Item, Name = "m", Size = 4 * MiB } }));

        Assert.Equal(405, e.ResponseStatusCode);
    }

    private (string User, string Id) Delivered()
    {
        var user = f.NewUser().Id;
        return (user, f.Emulator.Control.Deliver(f.Tenant.Id, user, Mime.Message("received")));
    }

    private async Task<UploadSession> OpenAsync(string user, string id, long size) =>
        (await f.Graph.Users[user].Messages[id].Attachments.CreateUploadSession.PostAsync(new CreateUploadSessionPostRequestBody
        {
            AttachmentItem = new AttachmentItem { AttachmentType = AttachmentType.File, Name = "big.pdf", ContentType = "application/pdf", Size = size },
        }))!;

    private static async Task<HttpResponseMessage> PutAsync(HttpClient http, string url, byte[] content, long start, long end)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = new ByteArrayContent(content, (int)start, (int)(end - start + 1)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content.Headers.TryAddWithoutValidation("Content-Range", $"bytes {start}-{end}/{content.Length}");
        return await http.SendAsync(request);
    }

    private static byte[] Bytes(int length, int seed = 0)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
