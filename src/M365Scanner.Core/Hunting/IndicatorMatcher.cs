using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;

namespace M365Scanner.Core.Hunting;

/// <summary>
/// Finds which of a set of indicators a message carries, given the links extraction found in it (bodies and
/// attachments, already unwrapped and normalised by <see cref="LinkResolver"/>). Pure and thread-safe.
/// </summary>
/// <remarks>
/// Domain indicators compare on label boundaries: "evil.example" matches "evil.example" and "login.evil.example" but
/// never "notevil.example", "evil.example.attacker.net" or a lookalike such as "evi1.example"; lookalikes are the
/// scorer's business, an indicator names exactly what was confirmed. A link behind an opaque wrapper (Mimecast) whose
/// destination cannot be read does not match.
/// </remarks>
public sealed class IndicatorMatcher
{
    private readonly IReadOnlyList<Indicator> _indicators;

    /// <exception cref="ArgumentNullException"><paramref name="indicators"/> is null.</exception>
    public IndicatorMatcher(IEnumerable<Indicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        _indicators = [.. indicators.Distinct()];
    }

    public IReadOnlyList<Indicator> Indicators => _indicators;

    /// <summary>Every hit, at most one per indicator and place (a link repeated in the body is one hit).</summary>
    public IReadOnlyList<IndicatorHit> Match(EmailMessage message, IReadOnlyList<Link> links)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(links);
        var hits = new List<IndicatorHit>();
        foreach (var indicator in _indicators)
        {
            if (indicator.Kind == IndicatorKind.Sender)
            {
                foreach (var address in new[] { message.From, message.Sender }.OfType<EmailAddress>().Select(a => a.Normalized).Distinct())
                {
                    if (SenderMatches(indicator.Value, address))
                        hits.Add(new IndicatorHit(indicator, "sender", null));
                }
                continue;
            }
            foreach (var link in links)
            {
                if (LinkMatches(indicator, link) && !hits.Any(h => h.Indicator == indicator && h.Where == link.Origin))
                    hits.Add(new IndicatorHit(indicator, link.Origin, link.Url));
            }
        }
        return hits;
    }

    /// <summary>Whether <paramref name="link"/> carries <paramref name="indicator"/> (false for sender indicators).</summary>
    public static bool LinkMatches(Indicator indicator, Link link)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(link);
        if (link.IsOpaqueWrapper)
            return false;
        return indicator.Kind switch
        {
            IndicatorKind.Domain => link.Host is { } host && HostIsUnder(host, indicator.Value),
            IndicatorKind.Url => string.Equals(link.Target, indicator.Value, StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>"a@b.example" matches that address; "@b.example" any address at b.example or a subdomain of it.</summary>
    public static bool SenderMatches(string indicatorValue, string normalizedAddress)
    {
        ArgumentNullException.ThrowIfNull(indicatorValue);
        ArgumentNullException.ThrowIfNull(normalizedAddress);
        if (!indicatorValue.StartsWith('@'))
            return string.Equals(indicatorValue, normalizedAddress, StringComparison.Ordinal);
        var at = normalizedAddress.LastIndexOf('@');
        return at >= 0 && HostIsUnder(normalizedAddress[(at + 1)..], indicatorValue[1..]);
    }

    private static bool HostIsUnder(string host, string domain) =>
        host.Length == domain.Length
            ? string.Equals(host, domain, StringComparison.Ordinal)
            : host.Length > domain.Length && host[host.Length - domain.Length - 1] == '.' &&
              host.EndsWith(domain, StringComparison.Ordinal);
}
