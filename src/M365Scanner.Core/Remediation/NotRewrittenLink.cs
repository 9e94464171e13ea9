using M365Scanner.Core.Links;

namespace M365Scanner.Core.Remediation;

/// <summary>An offending link the rewritten copy still carries, and why.</summary>
/// <param name="Link">The offending link as it was passed in.</param>
/// <param name="Reason">The kind of failure, for the caller's decision and its audit log.</param>
/// <param name="Detail">One sentence an admin can read ("encrypted PDF: invoice.pdf").</param>
public sealed record NotRewrittenLink(Link Link, NotRewrittenReason Reason, string Detail);
