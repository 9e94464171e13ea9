namespace M365Scanner.Core.Correspondence;

/// <summary>One edge of the graph: a kind and its two keys (lower-case addresses, domains or ids).</summary>
public readonly record struct EdgeKey(EdgeKind Kind, string From, string To);
