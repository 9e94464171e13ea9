using M365Scanner.Core.Links;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: script or inline-data URL: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkScriptOrDataUrlSignal : LinkSignal
{
    public override string Id => "link.script-or-data-url";
    public override string Name => "Link: script or inline-data URL";
    public override double Weight => 3.0;
    public override string Description =>
        "A data: URL carries its page inside the link (an HTML login form that no URL filter ever sees); a " +
        "javascript: URL runs script on click. Benign mail has neither, except the no-op " +
        "\"javascript:void(0)\" of badly built newsletters, which is ignored. Images inlined as data: weigh " +
        "half.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.CredentialHarvest, AttackKind.MalwareDelivery];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [Script, InlinePage, InlineImage];
    public override string KnownFalsePositives => "HTML newsletters whose buttons carry script handlers beyond a no-op.";

    public static readonly SignalStrength Script = new("script", 1.0, "a javascript: URL that does something");
    public static readonly SignalStrength InlinePage = new("inline-page", 1.0, "a data: URL carrying a page or other content");
    public static readonly SignalStrength InlineImage = new("inline-image", 0.5, "a data: URL carrying a raster image");

    public override SignalHit? Evaluate(LinkContext context)
    {
        var link = context.Link;
        var target = link.Target ?? "";
        switch (link.Kind)
        {
            case LinkKind.Data:
                var type = MediaType(target);
                return type.StartsWith("image/", StringComparison.Ordinal) && type != "image/svg+xml"
                    ? Hit($"the link is an inline {type} image (data: URL), not a web address", InlineImage)
                    : Hit($"the link carries its own {(type.Length == 0 ? "content" : type)} inside the URL (data:), which no web filter sees", InlinePage);
            case LinkKind.JavaScript:
                return IsNoOp(target) ? null : Hit($"the link runs script when clicked ({Shorten(target)})", Script);
            default:
                return null;
        }
    }

    // "data:text/html;base64,..." -> "text/html"; "" when absent ("data:,hello" is text/plain by default).
    private static string MediaType(string target)
    {
        var body = target.AsSpan(Math.Min(target.Length, "data:".Length));
        var end = body.IndexOfAny(";,");
        return (end < 0 ? body : body[..end]).Trim().ToString().ToLowerInvariant();
    }

    private static bool IsNoOp(string target)
    {
        var code = target.AsSpan(Math.Min(target.Length, "javascript:".Length)).Trim().TrimEnd(';').Trim();
        return code.IsEmpty || code.SequenceEqual("void(0)") || code.SequenceEqual("void 0") || code.SequenceEqual("void(null)")
            || code.SequenceEqual("return false") || code.SequenceEqual("false") || code.SequenceEqual("undefined");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
