using M365Scanner.Core.Links.Normalization;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: text before @ disguises the real host: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkUserinfoTrickSignal : LinkSignal
{
    public override string Id => "link.userinfo-trick";
    public override string Name => "Link: text before @ disguises the real host";
    public override double Weight => 3.0;
    public override string Description =>
        "In \"http://paypal.com@evil.example/\" the browser goes to evil.example; everything before the \"@\" " +
        "is a user name the reader mistakes for the site. Strongest when that part looks like a domain; a " +
        "plain \"user:password@\" (old FTP links) weighs less. The URL as written and the unwrapped target " +
        "are both checked: a gateway may wrap the disguised URL.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.Impersonation, AttackKind.CredentialHarvest];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [HostLike, UserName];
    public override string KnownFalsePositives => "FTP links with a user name and password written in.";

    public static readonly SignalStrength HostLike = new("host-like", 1.0, "the part before @ looks like a domain");
    public static readonly SignalStrength UserName = new("user-name", 0.3, "a plain user name (or user:password)");

    public override SignalHit? Evaluate(LinkContext context)
    {
        var link = context.Link;
        var userInfo = UserInfoOf(link.Target) ?? UserInfoOf(link.Url);
        if (userInfo is null)
            return null;
        var user = Uri.UnescapeDataString(userInfo.Split(':')[0]);
        var looksLikeHost = user.Contains('.', StringComparison.Ordinal) && user.Any(char.IsLetter) && !user.Contains(' ', StringComparison.Ordinal);
        return looksLikeHost
            ? Hit($"the link shows \"{Shorten(user)}\" before an @, but the browser goes to {link.Host}", HostLike)
            : Hit($"the link carries a user name before the host {link.Host}", UserName);
    }

    private static string? UserInfoOf(string? url)
    {
        // Cheap guard: most links have no '@' at all.
        if (string.IsNullOrEmpty(url) || !url.Contains('@', StringComparison.Ordinal))
            return null;
        return UrlNormalizer.Normalize(url) is { UserInfo: { Length: > 0 } info } ? info : null;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
