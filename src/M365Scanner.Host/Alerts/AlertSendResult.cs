namespace M365Scanner.Host.Alerts;

/// <summary>What one POST of an alert came to.</summary>
/// <param name="Retryable">For a failure: whether trying again may succeed (408, 429, 5xx, a timeout, the network).</param>
/// <param name="RetryAfter">The receiver's Retry-After, when it gave one.</param>
public sealed record AlertSendResult(bool Delivered, bool Retryable, string? Error, TimeSpan? RetryAfter = null)
{
    public static readonly AlertSendResult Success = new(true, false, null);

    public static AlertSendResult Retry(string error, TimeSpan? retryAfter = null) => new(false, true, error, retryAfter);

    public static AlertSendResult Refused(string error) => new(false, false, error);
}
