using System.Globalization;
using M365Scanner.Core.Links.Domains;
using M365Scanner.Core.Links.Normalization;

namespace M365Scanner.Core.Operations;

/// <summary>
/// What a person types into a verdict search, turned into the forms <see cref="VerdictQuery"/> matches: trimmed,
/// bounded, lower case where the stored value is. Each returns null for a blank input (no filter) and throws
/// <see cref="FormatException"/> for one that can match nothing sensible, so a typo is reported instead of silently
/// widening or emptying the search.
/// </summary>
public static class VerdictSearchTerms
{
    public const int MaxMessageId = 998;
    public const int MaxAddress = 320;
    public const int MaxSubject = 200;
    public const int MaxDomain = 253;

    /// <summary>A Message-ID with or without its angle brackets (the blocked-link page's reference is without).</summary>
    public static string? MessageId(string? input)
    {
        var text = Bounded(input, MaxMessageId, "a Message-ID");
        if (text is null)
            return null;
        var id = text.TrimStart('<').TrimEnd('>').Trim();
        return id.Length > 0 ? id : throw new FormatException("the Message-ID is empty");
    }

    /// <summary>A sender address, or a domain (optionally written "@domain") for every address at it.</summary>
    public static string? Sender(string? input)
    {
        var text = Bounded(input, MaxAddress, "a sender")?.ToLowerInvariant();
        if (text is null)
            return null;
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new FormatException("a sender has no spaces");
        var at = text.IndexOf('@');
        if (at == 0)
            text = text[1..];
        else if (at > 0)
            return at == text.LastIndexOf('@') && at < text.Length - 1 ? text : throw new FormatException($"'{text}' is not an address");
        return text.Length > 0 && !text.Contains('@') ? text : throw new FormatException("a sender is an address or a domain");
    }

    /// <summary>Text to look for in subjects.</summary>
    public static string? Subject(string? input) => Bounded(input, MaxSubject, "a subject");

    /// <summary>
    /// The registrable domain of the host typed ("login.evil.example", "https://evil.example/x", an IDN in Unicode):
    /// links are stored with their registrable domain, so a subdomain typed finds every link to its registrable domain.
    /// </summary>
    public static string? LinkDomain(string? input)
    {
        var text = Bounded(input, MaxDomain + 16, "a link domain");
        if (text is null)
            return null;
        // A URL pasted from a report: its host.
        if (text.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out var url))
            text = url.Host;
        text = text.TrimStart('*', '.').TrimEnd('.');
        if (HostNormalizer.Normalize(text) is not { } host || host.Ascii.Length > MaxDomain)
            throw new FormatException($"'{text}' is not a domain");
        return host.IsIp ? host.Ascii : PublicSuffixList.Default.GetRegistrableDomain(host.Ascii)
            ?? throw new FormatException($"'{host.Ascii}' is a public suffix, not a domain a link can be registered under");
    }

    /// <summary>A time typed in UTC: an instant ("2026-12-06T10:30", with or without seconds or an offset) or a day.</summary>
    /// <param name="endOfPeriod">For "until": the end of the day or minute typed, so that period is included.</param>
    public static DateTimeOffset? Time(string? input, bool endOfPeriod)
    {
        var text = Bounded(input, 40, "a time");
        if (text is null)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Through(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), endOfPeriod ? TimeSpan.FromDays(1) : TimeSpan.Zero);
        // A browser's datetime-local field gives minutes: "until 10:30" means through 10:30:59.
        if (DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var minute))
            return Through(new DateTimeOffset(minute, TimeSpan.Zero), endOfPeriod ? TimeSpan.FromMinutes(1) : TimeSpan.Zero);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new FormatException($"'{text}' is not a time (yyyy-MM-dd or yyyy-MM-ddTHH:mm, UTC)");
    }

    // The last day or minute of the calendar has no end to add: "until 9999-12-31" is until the end of time.
    private static DateTimeOffset Through(DateTimeOffset start, TimeSpan period) =>
        DateTimeOffset.MaxValue - start < period ? DateTimeOffset.MaxValue : start + period;

    private static string? Bounded(string? input, int max, string what)
    {
        if (string.IsNullOrWhiteSpace(input))
            return null;
        var text = input.Trim();
        return text.Length <= max ? text : throw new FormatException($"{what} is at most {max} characters");
    }
}
