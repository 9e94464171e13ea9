namespace M365Scanner.Core.Reference;

/// <summary>Where one copy of a list came from.</summary>
/// <param name="Source">The upstream (a repository or URL), or "M365Scanner" for the product's own lists.</param>
/// <param name="Commit">The upstream commit of the shipped copy; empty when unknown (a refreshed copy).</param>
/// <param name="Date">The day the copy was taken (yyyy-MM-dd).</param>
/// <param name="Licence">The licence it is used under.</param>
/// <param name="Sha256">The SHA-256 of the copy's bytes, lower-case hex.</param>
public sealed record ListProvenance(string Source, string Commit, string Date, string Licence, string Sha256);
