using M365Scanner.Host.Exports;

namespace M365Scanner.Host.Tests.Exports;

public sealed class ExportCursorTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(123_456_789_012L)]
    [InlineData(long.MaxValue)]
    public void Decode_ReturnsTheEncodedSequence(long sequence)
    {
        Assert.True(ExportCursor.TryDecode(ExportCursor.Encode(sequence), out var decoded, out var error));
        Assert.Equal(sequence, decoded);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Decode_ReadsNoCursorAsTheStart(string? cursor)
    {
        Assert.True(ExportCursor.TryDecode(cursor, out var decoded, out _));
        Assert.Equal(0, decoded);
    }

    [Theory]
    [InlineData("17", "must start with")]
    [InlineData("v2.AAAAAAAAAAE", "must start with")]
    [InlineData("v1.", "damaged")]
    [InlineData("v1.AAAA", "damaged")]
    [InlineData("v1.AAAAAAAAAAE=", "damaged")]
    [InlineData("v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "damaged")]
    [InlineData("v1.****AAAAAAA", "damaged")]
    [InlineData("v1.gAAAAAAAAAA", "negative")]
    public void Decode_RefusesWithTheReason_WhenTheCursorIsNotOneThisHostIssued(string cursor, string reason)
    {
        Assert.False(ExportCursor.TryDecode(cursor, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
