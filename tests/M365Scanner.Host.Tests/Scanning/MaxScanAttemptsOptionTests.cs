using System.ComponentModel.DataAnnotations;
using M365Scanner.Host.Scanning;

namespace M365Scanner.Host.Tests.Scanning;

public class MaxScanAttemptsOptionTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    // A message that throws every time is contained on the attempt after the last counted one: a Hangfire retry.
    [InlineData(ScanMessageJob.Retries, true)]
    [InlineData(ScanMessageJob.Retries + 1, false)]
    public void MaxScanAttempts_IsBetweenOneAndTheScanJobsRetries(int attempts, bool valid)
    {
        var options = new ScannerHostOptions { MaxScanAttempts = attempts };

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }

    [Fact]
    public void MaxScanAttempts_DefaultsToThree() => Assert.Equal(3, new ScannerHostOptions().MaxScanAttempts);
}
