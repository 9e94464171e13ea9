namespace M365Scanner.Storage.Reference;

/// <summary>Where one list is refreshed from: a local file or an https URL.</summary>
public sealed record ReferenceSourceLocation(string? FilePath, Uri? Url)
{
    /// <summary>A file path (absolute) or an https URL; null for anything else (relative paths, http, ftp).</summary>
    public static ReferenceSourceLocation? Parse(string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
            return null;
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            return new ReferenceSourceLocation(null, uri);
        return Path.IsPathFullyQualified(location) ? new ReferenceSourceLocation(location, null) : null;
    }

    /// <summary>Safe to log and to show as provenance: a URL without its query or user info, which may hold a token.</summary>
    public string Display => Url is { } url ? $"{url.Scheme}://{url.Authority}{url.AbsolutePath}" : FilePath!;
}
