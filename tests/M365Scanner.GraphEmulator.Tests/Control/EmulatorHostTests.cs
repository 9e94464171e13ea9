using Microsoft.Extensions.Options;

namespace M365Scanner.GraphEmulator.Tests.Control;

public sealed class EmulatorHostTests
{
    [Fact]
    public async Task StartAsync_RejectsInvalidOptions_AtStart()
    {
        var options = new EmulatorOptions { MaxMessageSubscriptionMinutes = 0 };

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => EmulatorHost.StartAsync(options));

        Assert.Contains("MaxMessageSubscriptionMinutes", e.Message);
    }

    [Fact]
    public async Task StartAsync_RejectsInvalidNestedOptions_AtStart()
    {
        var options = new EmulatorOptions { Throttling = new ThrottlingOptions { ConcurrentRequestsPerMailbox = 0 } };

        await Assert.ThrowsAsync<OptionsValidationException>(() => EmulatorHost.StartAsync(options));
    }

    [Fact]
    public async Task StartAsync_BindsLoopbackWithOsChosenPort()
    {
        await using var a = await EmulatorHost.StartAsync();
        await using var b = await EmulatorHost.StartAsync();

        Assert.Equal("127.0.0.1", a.AuthorityHost.Host);
        Assert.NotEqual(a.AuthorityHost.Port, b.AuthorityHost.Port);
        Assert.Equal(a.AuthorityHost + "v1.0", a.GraphV1.ToString());
        Assert.False(a.Trust.Matches(b.Trust.Certificate));
    }
}
