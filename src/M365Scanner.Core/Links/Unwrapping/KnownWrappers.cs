namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>
/// The wrappers <see cref="LinkUnwrapper.Default"/> recognises, as named data. Adding an open redirector is one
/// entry here plus a test; only add ones whose destination parameter is unambiguous. Wrappers with an encoding of
/// their own (Proofpoint, Bing, Sophos, Cisco, Google's AMP viewer) are classes beside this one.
/// </summary>
public static class KnownWrappers
{
    /// <summary>Microsoft Defender for Office 365 Safe Links, every cloud: commercial regions (nam12, eur01, ...)
    /// and GCC (*.safelinks.protection.outlook.com), GCC High and DoD (*.safelinks.protection.office365.us), DoD
    /// (*.safelinks.protection.apps.mil) and the cloud operated by 21Vianet (*.safelinks.protection.partner.outlook.cn).</summary>
    public static readonly QueryParameterWrapper SafeLinks = new(
        "safelinks",
        ["*.safelinks.protection.outlook.com", "*.safelinks.protection.office365.us", "*.safelinks.protection.apps.mil",
            "*.safelinks.protection.partner.outlook.cn"],
        Path: null, ["url"], IsGateway: true);

    /// <summary>Safe Links in Microsoft Teams and Office apps: a static page that reads the destination from "url".</summary>
    public static readonly QueryParameterWrapper SafeLinksTeams = new(
        "safelinks", ["statics.teams.cdn.office.net"], "/evergreen-assets/safelinks/*", ["url"], IsGateway: true);

    /// <summary>Trend Micro Email Security time-of-click protection ("/wis/clicktime/v1/query", "/v2/clickthrough").</summary>
    public static readonly QueryParameterWrapper TrendMicro = new(
        "trendmicro", ["*.trendmicro.com", "*.trendmicro.eu"], "/wis/clicktime/*", ["url"], IsGateway: true);

    public static readonly SophosTimeOfClick Sophos = new();

    public static readonly CiscoSecureEmail Cisco = new();

    public static readonly BingClickRedirect Bing = new();

    public static readonly GoogleAmpViewer GoogleAmp = new();

    /// <summary>Barracuda Email Protection link protection.</summary>
    public static readonly QueryParameterWrapper Barracuda = new(
        "barracuda", ["linkprotect.cudasvc.com"], "/url", ["a"], IsGateway: true);

    public static readonly ProofpointUrlDefense Proofpoint = new();

    public static readonly MimecastProtect Mimecast = new();

    /// <summary>Google's click-through redirector (search results, Gmail, Docs).</summary>
    public static readonly QueryParameterWrapper Google = new(
        "google", ["www.google.com", "google.com"], "/url", ["q", "url"], IsGateway: false);

    /// <summary>Facebook's link shim.</summary>
    public static readonly QueryParameterWrapper Facebook = new(
        "facebook", ["l.facebook.com", "lm.facebook.com"], "/l.php", ["u"], IsGateway: false);

    /// <summary>Instagram's link shim.</summary>
    public static readonly QueryParameterWrapper Instagram = new(
        "instagram", ["l.instagram.com"], "/", ["u"], IsGateway: false);

    /// <summary>YouTube's description-link redirector.</summary>
    public static readonly QueryParameterWrapper YouTube = new(
        "youtube", ["www.youtube.com", "youtube.com"], "/redirect", ["q"], IsGateway: false);

    /// <summary>LinkedIn's external-link redirector.</summary>
    public static readonly QueryParameterWrapper LinkedIn = new(
        "linkedin", ["www.linkedin.com"], "/redir/redirect", ["url"], IsGateway: false);

    /// <summary>Slack's external-link redirector.</summary>
    public static readonly QueryParameterWrapper Slack = new(
        "slack", ["slack-redir.net"], "/link", ["url"], IsGateway: false);

    /// <summary>Every wrapper above, mail gateways first.</summary>
    public static IReadOnlyList<IUrlWrapper> All { get; } =
        [SafeLinks, SafeLinksTeams, Proofpoint, Mimecast, Barracuda, TrendMicro, Sophos, Cisco, Google, GoogleAmp, Bing,
            Facebook, Instagram, YouTube, LinkedIn, Slack];
}
