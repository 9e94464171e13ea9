using System.Net;
using M365Scanner.Graph.Clients;

namespace M365Scanner.Graph.Tests.Clients;

public sealed class MailboxConcurrencyHandlerTests
{
    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/users/Bob%40contoso.com/messages/1", "bob@contoso.com")]
    [InlineData("https://graph.microsoft.com/v1.0/users/0b5e/mailFolders/inbox/messages/delta", "0b5e")]
    [InlineData("https://graph.microsoft.com/v1.0/users/0b5e", null)]
    [InlineData("https://graph.microsoft.com/v1.0/users?$top=999", null)]
    [InlineData("https://graph.microsoft.com/v1.0/subscriptions/5", null)]
    [InlineData("https://graph.microsoft.com/v1.0/$batch", null)]
    [InlineData("https://outlook.office.com/api/v2.0/Users('A8E8E219-4931-95C1-B73D-62626FD79C32@72aa88bf-76f0-494f-91ab-2d7cd730db47')/Messages('AAMkADI5MAAIT3drCAAA=')/AttachmentSessions('AAMkADI5MAAIT3k0tAAA=')?authtoken=x",
        "a8e8e219-4931-95c1-b73d-62626fd79c32")] // an attachment upload: the same mailbox, by its id
    [InlineData("https://127.0.0.1:5443/outlook/api/v2.0/Users('0b5e@t1')/Messages('m')/AttachmentSessions('s')?authtoken=x", "0b5e")]
    public void MailboxPath_FindsTheUserSegment_OnlyForMailboxRequests(string url, string? expected) =>
        Assert.Equal(expected, MailboxPath.Of(new Uri(url)));

    [Fact]
    public async Task Send_HoldsAtMostFourPerMailbox_AndDoesNotLimitOtherMailboxesOrNonMailboxRequests()
    {
        var inner = new HoldingHandler();
        using var client = new HttpClient(new MailboxConcurrencyHandler(4) { InnerHandler = inner });

        var sameMailbox = Enumerable.Range(0, 10).Select(i => client.GetAsync($"https://g.example/v1.0/users/bob/messages/{i}")).ToList();
        await WaitAsync(() => inner.Started == 4);
        var other = client.GetAsync("https://g.example/v1.0/users/carol/messages/1");
        var subscriptions = Enumerable.Range(0, 6).Select(_ => client.GetAsync("https://g.example/v1.0/subscriptions")).ToList();
        await WaitAsync(() => inner.Started == 4 + 1 + 6);

        Assert.Equal(4, inner.InFlightFor("bob"));
        inner.Release.TrySetResult();
        await Task.WhenAll([.. sameMailbox, other, .. subscriptions]);

        Assert.Equal(4, inner.PeakFor("bob"));
        Assert.Equal(17, inner.Started);
    }

    [Fact]
    public async Task StreamedBody_HoldsTheSlotUntilDisposed_AndIsNotBuffered()
    {
        var inner = new BodyHandler(HttpStatusCode.OK);
        var handler = new MailboxConcurrencyHandler(1) { InnerHandler = inner };
        using var invoker = new HttpMessageInvoker(handler);

        var response = await invoker.SendAsync(Streamed("https://g.example/v1.0/users/bob/messages/1/attachments/a/$value"), CancellationToken.None);

        Assert.Equal(1, handler.InFlight("bob"));
        Assert.False(inner.Body.Drained);
        var stream = await response.Content.ReadAsStreamAsync();
        Assert.Equal(3, await stream.ReadAsync(new byte[2048]));
        Assert.Equal(1, handler.InFlight("bob"));
        await stream.DisposeAsync();
        Assert.Equal(0, handler.InFlight("bob"));
        response.Dispose();
        Assert.Equal(0, handler.InFlight("bob"));
    }

    [Fact]
    public async Task StreamedBody_ReadToItsEnd_ReleasesTheSlot()
    {
        var handler = new MailboxConcurrencyHandler(1) { InnerHandler = new BodyHandler(HttpStatusCode.OK) };
        using var invoker = new HttpMessageInvoker(handler);

        using var response = await invoker.SendAsync(Streamed("https://g.example/v1.0/users/bob/messages/1/attachments/a/$value"), CancellationToken.None);
        var stream = await response.Content.ReadAsStreamAsync();
        await stream.CopyToAsync(Stream.Null);

        Assert.Equal(0, handler.InFlight("bob"));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.NoContent)]
    public async Task StreamedRequest_ErrorOrEmptyAnswer_IsBufferedAndReleasedAtOnce(HttpStatusCode status)
    {
        var inner = new BodyHandler(status);
        var handler = new MailboxConcurrencyHandler(1) { InnerHandler = inner };
        using var invoker = new HttpMessageInvoker(handler);

        using var response = await invoker.SendAsync(Streamed("https://g.example/v1.0/users/bob/messages/1/attachments/a/$value"), CancellationToken.None);

        Assert.Equal(0, handler.InFlight("bob"));
        Assert.True(inner.Body.Drained);
    }

    [Fact]
    public async Task UnmarkedRequest_IsBufferedBeforeTheSlotIsReleased()
    {
        var inner = new BodyHandler(HttpStatusCode.OK);
        var handler = new MailboxConcurrencyHandler(1) { InnerHandler = inner };
        using var invoker = new HttpMessageInvoker(handler);

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://g.example/v1.0/users/bob/messages/1"), CancellationToken.None);

        Assert.Equal(0, handler.InFlight("bob"));
        Assert.True(inner.Body.Drained);
    }

    private static HttpRequestMessage Streamed(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(new HttpRequestOptionsKey<Microsoft.Kiota.Abstractions.IRequestOption>(typeof(StreamedResponse).FullName!), StreamedResponse.Instance);
        return request;
    }

    /// <summary>Answers with a small body that records whether it was read to its end.</summary>
    private sealed class BodyHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public TrackedStream Body { get; } = new([1, 2, 3]);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StreamContent(Body) });
    }

    private sealed class TrackedStream(byte[] bytes) : MemoryStream(bytes)
    {
        public bool Drained { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Track(base.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Track(await base.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Track(await base.ReadAsync(buffer, offset, count, cancellationToken));

        private int Track(int read)
        {
            if (read == 0) Drained = true;
            return read;
        }
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException();
            await Task.Delay(10);
        }
    }

    /// <summary>Holds every request until released, counting how many are inside at once per mailbox.</summary>
    private sealed class HoldingHandler : HttpMessageHandler
    {
        private readonly Dictionary<string, (int Now, int Peak)> _counts = [];
        private int _started;
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Started => Volatile.Read(ref _started);

        public int InFlightFor(string m) { lock (_counts) return _counts.GetValueOrDefault(m).Now; }
        public int PeakFor(string m) { lock (_counts) return _counts.GetValueOrDefault(m).Peak; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = MailboxPath.Of(request.RequestUri) ?? "-";
            lock (_counts)
            {
                var c = _counts.GetValueOrDefault(key);
                _counts[key] = (c.Now + 1, Math.Max(c.Peak, c.Now + 1));
            }
            Interlocked.Increment(ref _started);
            await Release.Task.WaitAsync(cancellationToken);
            lock (_counts)
            {
                var c = _counts[key];
                _counts[key] = (c.Now - 1, c.Peak);
            }
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
        }
    }
}
