namespace M365Scanner.Host.Alerts;

/// <summary>What a webhook is sent.</summary>
public enum AlertFormat
{
    /// <summary>The alert's own JSON, signed (<see cref="AlertSignature"/>).</summary>
    Json,

    /// <summary>A Teams message with an Adaptive Card (an incoming webhook or a Workflows "post to a channel when a webhook
    /// request is received" URL). Teams checks no signature: the URL is the secret.</summary>
    Teams,
}
