using M365Scanner.Host.Scanning;

namespace M365Scanner.Host.Tests.Scanning;

public class ClientStateCheckTests
{
    private const string Secret = "s3cr3t-Client-State+/=";

    [Fact]
    public void Matches_IsTrue_WhenReceivedEqualsExpected() =>
        Assert.True(ClientStateCheck.Matches(Secret, new string(Secret.ToCharArray())));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s3cr3t-Client-State+/")]
    [InlineData("s3cr3t-Client-State+/==")]
    [InlineData("S3CR3T-CLIENT-STATE+/=")]
    [InlineData("s3cr3t-Client-State+/= ")]
    [InlineData("x3cr3t-Client-State+/=")]
    public void Matches_IsFalse_WhenReceivedDiffers(string? received) =>
        Assert.False(ClientStateCheck.Matches(Secret, received));

    [Fact]
    public void Matches_ComparesTheWholeText_WhenItIsNotAscii()
    {
        Assert.True(ClientStateCheck.Matches("clé-état", "clé-état"));
        Assert.False(ClientStateCheck.Matches("clé-état", "cle-etat"));
    }

    [Fact]
    public void NewSecret_FitsGraphsLimit_AndDiffersEachTime()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => ClientStateCheck.NewSecret()).ToList();

        Assert.All(secrets, s => Assert.InRange(s.Length, 32, 128));
        Assert.Equal(secrets.Count, secrets.Distinct(StringComparer.Ordinal).Count());
        Assert.All(secrets, s => Assert.True(ClientStateCheck.Matches(s, s)));
    }
}
