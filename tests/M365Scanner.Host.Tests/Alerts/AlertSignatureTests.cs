using System.Security.Cryptography;
using System.Text;
using M365Scanner.Host.Alerts;

namespace M365Scanner.Host.Tests.Alerts;

public sealed class AlertSignatureTests
{
    private const string Secret = "whsec-test-0123456789abcdef";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1_765_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"alertId":"alert-1"}""");

    [Fact]
    public void Sign_IsTheHmacOfTimestampDotBody_InStripesLayout()
    {
        byte[] signed = [.. Encoding.ASCII.GetBytes("1765000000."), .. Body];
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed));

        Assert.Equal($"t=1765000000,v1={expected}", AlertSignature.Sign(Secret, At, Body));
    }

    [Fact]
    public void Verify_Accepts_TheSignedBody_WithinTheTolerance()
    {
        var header = AlertSignature.Sign(Secret, At, Body);

        Assert.True(AlertSignature.Verify(Secret, header, Body, At.AddMinutes(4), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verify_Rejects_AnOldTimestamp_AnotherBody_AnotherSecret_AndNoise()
    {
        var header = AlertSignature.Sign(Secret, At, Body);
        var tolerance = TimeSpan.FromMinutes(5);

        Assert.False(AlertSignature.Verify(Secret, header, Body, At.AddMinutes(6), tolerance));
        Assert.False(AlertSignature.Verify(Secret, header, [.. Body, (byte)' '], At, tolerance));
        Assert.False(AlertSignature.Verify("another-secret-0123456789", header, Body, At, tolerance));
        Assert.False(AlertSignature.Verify(Secret, header.Replace("t=1765000000", "t=1765000001", StringComparison.Ordinal), Body, At, tolerance));
        Assert.False(AlertSignature.Verify(Secret, null, Body, At, tolerance));
        Assert.False(AlertSignature.Verify(Secret, "t=,v1=zz", Body, At, tolerance));
    }
}
