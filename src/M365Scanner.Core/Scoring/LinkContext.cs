using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links;

namespace M365Scanner.Core.Scoring;

/// <summary>One link in its message: what a link-level signal may look at.</summary>
public sealed record LinkContext(Link Link, LinkHistory History, MessageContext Message);
