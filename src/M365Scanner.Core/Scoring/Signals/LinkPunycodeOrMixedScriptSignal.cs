using System.Globalization;
using System.Text;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: internationalised host, mixed scripts: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkPunycodeOrMixedScriptSignal : LinkSignal
{
    public override string Id => "link.punycode-or-mixed-script";
    public override string Name => "Link: internationalised host, mixed scripts";
    public override double Weight => 2.5;
    public override string Description =>
        "A label that mixes Latin with Cyrillic or Greek (\"pаypal\" with a Cyrillic \"а\") exists to be " +
        "misread; a label wholly in one non-Latin script, or Latin with accents, is an ordinary IDN " +
        "(münchen.de, яндекс.рф) and weighs little. Also fires when a \"xn--\" label cannot be decoded at " +
        "all.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.Impersonation, AttackKind.CredentialHarvest];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [Mixed, Undecodable, SingleScript];
    public override string KnownFalsePositives => "Sites of organisations in countries with non-Latin scripts, which use single-script IDNs.";

    public static readonly SignalStrength Mixed = new("mixed-scripts", 1.0, "a label mixing confusable scripts, or styled letters");
    public static readonly SignalStrength Undecodable = new("undecodable", 0.6, "a punycode label that does not decode");
    public static readonly SignalStrength SingleScript = new("single-script", 0.2, "an ordinary internationalised name");

    private enum Script { None, Latin, Cyrillic, Greek, StyledLatin, Other }

    public override SignalHit? Evaluate(LinkContext context)
    {
        var link = context.Link;
        if (link.Host is null || link.IsIpHost || !link.Host.Contains("xn--", StringComparison.Ordinal))
            return null;
        var unicode = link.UnicodeHost ?? link.Host;
        if (unicode.Contains("xn--", StringComparison.Ordinal))
            return Hit($"the host {link.Host} has an encoded (punycode) label that does not decode to a valid name", Undecodable);
        foreach (var label in unicode.Split('.'))
        {
            if (MixedScripts(label) is { } scripts)
                return Hit($"the host \"{unicode}\" ({link.Host}) mixes {scripts} letters in \"{label}\", so it can pass for another name", Mixed);
        }
        return Hit($"the host is internationalised: \"{unicode}\" ({link.Host})", SingleScript);
    }

    private static string? MixedScripts(string label)
    {
        var seen = new HashSet<Script>();
        foreach (var rune in label.EnumerateRunes())
        {
            var script = ScriptOf(rune);
            if (script != Script.None)
                seen.Add(script);
        }
        // Latin+Cyrillic, Latin+Greek, Cyrillic+Greek: the confusable pairs. Other scripts mixed with Latin (CJK with
        // ASCII digits or brand names) are common in legitimate Asian IDNs.
        if (seen.Contains(Script.StyledLatin))
            return "styled mathematical";
        var confusable = seen.Count(s => s is Script.Latin or Script.Cyrillic or Script.Greek);
        return confusable >= 2 ? string.Join(" and ", seen.Where(s => s != Script.Other).Select(s => s.ToString())) : null;
    }

    private static Script ScriptOf(Rune rune)
    {
        var v = rune.Value;
        if (v < 0x80)
            return Rune.IsLetter(rune) ? Script.Latin : Script.None;
        if (v is >= 0x00C0 and <= 0x024F or >= 0x1E00 and <= 0x1EFF)
            return Script.Latin;
        // Mathematical alphanumerics ("𝒂𝒃𝒄") are styled Latin letters: no real name is written in them.
        if (v is >= 0x1D400 and <= 0x1D7FF)
            return Script.StyledLatin;
        if (v is >= 0x0370 and <= 0x03FF or >= 0x1F00 and <= 0x1FFF)
            return Script.Greek;
        if (v is >= 0x0400 and <= 0x052F or >= 0x2DE0 and <= 0x2DFF or >= 0xA640 and <= 0xA69F)
            return Script.Cyrillic;
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.DashPunctuation
            ? Script.None : Script.Other;
    }
}
