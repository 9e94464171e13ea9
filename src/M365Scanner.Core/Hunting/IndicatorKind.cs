namespace M365Scanner.Core.Hunting;

/// <summary>What an indicator of compromise names.</summary>
public enum IndicatorKind
{
    /// <summary>A domain: matches links whose host is the domain or one of its subdomains.</summary>
    Domain,

    /// <summary>A URL: matches links whose unwrapped, normalised target is the same URL.</summary>
    Url,

    /// <summary>A sender address ("a@b.example") or a sender domain ("@b.example", subdomains included).</summary>
    Sender,
}
