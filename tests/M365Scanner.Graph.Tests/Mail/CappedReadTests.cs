using M365Scanner.Graph.Tests.TestSupport;
using M365Scanner.Graph.Mail;

namespace M365Scanner.Graph.Tests.Mail;

public sealed class CappedReadTests
{
    [Fact]
    public async Task EndlessBody_StopsOneBytePastTheCap()
    {
        var body = new EndlessStream();

        var bytes = await CappedRead.ReadAsync(body, cap: 1_000_000, declaredLength: null, CancellationToken.None);

        Assert.Null(bytes);
        Assert.Equal(1_000_001, body.Handed);
    }

    [Fact]
    public async Task DeclaredLengthOverTheCap_ReadsNothing()
    {
        var body = new EndlessStream();

        var bytes = await CappedRead.ReadAsync(body, cap: 1_000, declaredLength: 1_001, CancellationToken.None);

        Assert.Null(bytes);
        Assert.Equal(0, body.Handed);
    }

    [Fact]
    public async Task DeclaredLengthThatUnderstates_IsStillCaughtByTheCount()
    {
        var body = new EndlessStream();

        var bytes = await CappedRead.ReadAsync(body, cap: 500_000, declaredLength: 10, CancellationToken.None);

        Assert.Null(bytes);
        Assert.Equal(500_001, body.Handed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    [InlineData(1_000_000)]
    public async Task BodyAtOrUnderTheCap_IsReadWhole(int length)
    {
        var content = new byte[length];
        new Random(length).NextBytes(content);

        var bytes = await CappedRead.ReadAsync(new MemoryStream(content), cap: 1_000_000, declaredLength: length, CancellationToken.None);

        Assert.Equal(content, bytes);
    }

    [Fact]
    public async Task NoCap_ReadsEverything()
    {
        var content = new byte[300_000];

        var bytes = await CappedRead.ReadAsync(new MemoryStream(content), cap: long.MaxValue, declaredLength: null, CancellationToken.None);

        Assert.Equal(content.Length, bytes!.Length);
    }

    /// <summary>A body that never ends, counting what it has handed out.</summary>
    private sealed class EndlessStream : ForwardOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill(0x41);
            Handed += count;
            return count;
        }
    }
}
