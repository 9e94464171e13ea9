namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>
/// The wrappers <see cref="LinkUnwrapper.Default"/> recognises, as named data. Adding an open redirector is one
/// entry here plus a test; only add ones whose destination parameter is unambiguous and plain URL-encoded
/// (Bing's "/ck/a?u=" is base64 with a prefix and is left out for now).
/// </summary>
public static class KnownWrappers
{
    /// <summary>Microsoft Defender for Office 365 Safe Links (commercial and GCC High clouds).</summary>
    public static readonly QueryParameterWrapper SafeLinks = new(
        "safelinks",
        ["*.safelinks.protection.outlook.com", "*.safelinks.protection.office365.us"],
        Path: null, ["url"], IsGateway: true);

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
        [SafeLinks, Proofpoint, Mimecast, Barracuda, Google, Facebook, Instagram, YouTube, LinkedIn, Slack];
}
