namespace M365Scanner.Core.Links;

/// <summary>
/// A link exactly as an extractor found it, before unwrapping and normalisation
/// (the link resolver turns it into a <see cref="Link"/>).
/// </summary>
/// <param name="Url">The URL as written (attribute value, text run or PDF URI), trimmed, entity-decoded.</param>
/// <param name="Text">The visible text the reader sees for it (anchor text, alt text, PDF covered text), or null.</param>
/// <param name="Source">Which construct carried it.</param>
/// <param name="Origin">Where it was found: see <see cref="LinkOrigin"/>.</param>
public sealed record FoundLink(string Url, string? Text, LinkSource Source, string Origin);
