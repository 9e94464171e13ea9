using System.Security.Cryptography;
using System.Text;
using M365Scanner.Core.Operations;

namespace M365Scanner.Host.Alerts;

/// <summary>An alert's id, derived from its webhook and message rather than minted: the same alert enqueued again (a
/// retried job, a rescan) gets the same id, and a receiver sees one id however often it is sent.</summary>
public static class AlertIds
{
    public static string For(string webhook, MessageKey key)
    {
        var text = string.Join('\n', webhook, key.TenantId, key.Mailbox, key.MessageId);
        return "alert-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
