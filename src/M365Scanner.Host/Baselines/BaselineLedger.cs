using System.Security.Cryptography;
using System.Text;
using M365Scanner.Core.Correspondence;

namespace M365Scanner.Host.Baselines;

/// <summary>
/// Which history messages a baseline has already learned, kept in the tenant's correspondence graph itself (edges of
/// kind <see cref="EdgeKind.BaselineMessage"/>), so that "learned" and "marked learned" commit in one transaction and
/// a page read twice is learned once.
/// </summary>
/// <remarks>The graph and the worker's checkpoints live in different databases (one graph file per tenant, one
/// operations file), so the checkpoint cannot join the graph's transaction; the mark can. Keys are a hash of the
/// Graph id (22 characters instead of ~150), one short edge per history message.</remarks>
internal static class BaselineLedger
{
    public static EdgeKey Mark(string mailbox, string graphId) =>
        new(EdgeKind.BaselineMessage, mailbox.Trim().ToLowerInvariant(), Hash(graphId));

    private static string Hash(string graphId) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(graphId)), 0, 16)
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
