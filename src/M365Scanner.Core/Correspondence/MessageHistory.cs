namespace M365Scanner.Core.Correspondence;

/// <summary>The graph's view of one message before it is learned: its sender and each link destination.</summary>
public sealed record MessageHistory(SenderHistory Sender, IReadOnlyDictionary<string, LinkHistory> ByHost)
{
    /// <summary>History of a link's host (and its registrable domain); unknown when the link has no host.</summary>
    public LinkHistory For(string? host, string? domain) =>
        host is not null && ByHost.TryGetValue(host, out var history)
            ? history
            : LinkHistory.Unknown(domain ?? "", host);
}
