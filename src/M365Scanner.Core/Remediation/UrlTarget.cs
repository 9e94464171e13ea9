namespace M365Scanner.Core.Remediation;

/// <summary>One URL to replace in a container: as written (<see cref="Links.Link.Url"/>) and what replaces it.</summary>
internal readonly record struct UrlTarget(string Url, string Replacement);
