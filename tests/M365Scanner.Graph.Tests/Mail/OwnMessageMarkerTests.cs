using System.Security.Cryptography;
using M365Scanner.Graph.Mail;
using Microsoft.Extensions.Logging;

namespace M365Scanner.Graph.Tests.Mail;

/// <summary>Only a marker this deployment wrote, for this mailbox, says a message is the scanner's own.</summary>
public class OwnMessageMarkerTests
{
    private const string Mailbox = "bob@contoso.example";
    private const string Original = "AAMkAGI2TG93AAA=";
    private static readonly byte[] DeploymentKey = RandomNumberGenerator.GetBytes(32);
    private readonly OwnMessageMarker _marker = OwnMessageMarker.DerivedFrom(DeploymentKey);

    [Theory]
    [InlineData(Original)]
    [InlineData(MessageFields.UnfinishedCopyPrefix + Original)]
    [InlineData("held|with|bars")]
    public void AMarkItWrote_ReadsBackAsItsValue(string value) =>
        Assert.Equal(value, _marker.Read(Mailbox, "m1", _marker.Mark(Mailbox, value)));

    [Fact]
    public void TheMailbox_IsComparedCaseInsensitively() =>
        Assert.Equal(Original, _marker.Read("Bob@Contoso.Example", "m1", _marker.Mark(Mailbox, Original)));

    [Fact]
    public void TheSameDeploymentKey_GivesMarkersThatVerifyOnAnotherInstance() =>
        Assert.Equal(Original, OwnMessageMarker.DerivedFrom(DeploymentKey).Read(Mailbox, "m1", _marker.Mark(Mailbox, Original)));

    [Fact]
    public void NoMarker_IsNoValue() => Assert.Null(_marker.Read(Mailbox, "m1", null));

    [Fact]
    public void AnUntaggedMarker_AsWrittenBeforeTags_DoesNotVerify() => Assert.Null(_marker.Read(Mailbox, "m1", Original));

    [Fact]
    public void AWrongTag_DoesNotVerify()
    {
        var stored = _marker.Mark(Mailbox, Original);
        var last = stored[^1] == 'A' ? 'B' : 'A';
        Assert.Null(_marker.Read(Mailbox, "m1", stored[..^1] + last));
    }

    [Fact]
    public void AnotherValueUnderAGenuineTag_DoesNotVerify()
    {
        var tag = _marker.Mark(Mailbox, Original)[Original.Length..];
        Assert.Null(_marker.Read(Mailbox, "m1", "AAMkSomethingElse=" + tag));
        // Not even the same id declared whole when it was tagged unfinished, or the other way round.
        var unfinishedTag = _marker.Mark(Mailbox, MessageFields.UnfinishedCopyPrefix + Original)[(MessageFields.UnfinishedCopyPrefix + Original).Length..];
        Assert.Null(_marker.Read(Mailbox, "m1", Original + unfinishedTag));
    }

    [Fact]
    public void AMarkerOfAnotherMailbox_DoesNotVerify() =>
        Assert.Null(_marker.Read(Mailbox, "m1", _marker.Mark("mallory@contoso.example", Original)));

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(21)]
    public void ATruncatedMarker_DoesNotVerify(int cut) =>
        Assert.Null(_marker.Read(Mailbox, "m1", _marker.Mark(Mailbox, Original)[..^cut]));

    [Fact]
    public void ATagPaddedOrExtended_DoesNotVerify()
    {
        var stored = _marker.Mark(Mailbox, Original);
        Assert.Null(_marker.Read(Mailbox, "m1", stored + "A"));
        Assert.Null(_marker.Read(Mailbox, "m1", stored + "=="));
    }

    [Fact]
    public void AMarkerMadeWithAnotherKey_DoesNotVerify()
    {
        var other = OwnMessageMarker.DerivedFrom(RandomNumberGenerator.GetBytes(32));
        Assert.Null(_marker.Read(Mailbox, "m1", other.Mark(Mailbox, Original)));
        // The deployment key itself, used raw, is not the marker's key: the tag is of this purpose alone.
        Assert.Null(_marker.Read(Mailbox, "m1", new OwnMessageMarker(DeploymentKey).Mark(Mailbox, Original)));
    }

    [Fact]
    public void TheTag_CarriesAtLeast128Bits()
    {
        var stored = _marker.Mark(Mailbox, Original);
        Assert.StartsWith(Original + "|v1.", stored);
        Assert.True(stored.Length - (Original + "|v1.").Length >= 22, stored);
    }

    [Fact]
    public void AMarkerThatDoesNotVerify_IsLoggedAsAWarning_WithoutItsValue()
    {
        var log = new Recording();
        var marker = new OwnMessageMarker(RandomNumberGenerator.GetBytes(32), log);

        Assert.Null(marker.Read(Mailbox, "message-7", "secret-looking-value"));
        Assert.Null(marker.Read(Mailbox, "message-8", null));

        var warning = Assert.Single(log.Lines);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("message-7", warning.Text);
        Assert.DoesNotContain("secret-looking-value", warning.Text);
    }

    private sealed class Recording : ILogger<OwnMessageMarker>
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
