namespace M365Scanner.Core.Scoring.Signals;

/// <summary>
/// Link: machine-generated or deeply nested host. Throwaway phishing domains are registered in bulk under names no
/// person chose ("xk7q2vb9.top", "a3f9c1e07b2d4e6f.com"), and kits hide behind long chains of subdomains or spell
/// another domain in them ("login.microsoft.com.verify.example"). Graded: a random-looking registrable name or a
/// domain spelled in the subdomains is full strength; deep nesting half; a random-looking subdomain label little,
/// because CDNs and newsletters' tracking hosts ("d15k2d11r6t6rl.cloudfront.net") look like that too.
/// </summary>
public sealed class LinkRandomHostSignal : LinkSignal
{
    public override string Id => "link.random-host";
    public override string Name => "Link: machine-generated or deeply nested host";
    public override double Weight => 1.5;
    public override string KnownFalsePositives => "CDN and e-mail tracking hosts with generated subdomains; numbered server names.";

    /// <summary>Subdomain levels below the registrable domain from which nesting counts.</summary>
    public const int DeepNesting = 4;

    private static readonly string[] DomainLikeLabels = ["com", "net", "org", "edu", "gov", "info", "biz"];

    public override SignalHit? Evaluate(LinkContext context)
    {
        var link = context.Link;
        if (link.Host is null || link.IsIpHost || link.RegistrableDomain is null)
            return null;
        var host = link.Host;
        var registrable = link.RegistrableDomain;
        var name = registrable.Split('.')[0];
        if (LooksGenerated(name) is { } why)
            return Hit($"the domain name \"{name}\" of {registrable} looks machine-generated ({why})");

        var sub = host.Length > registrable.Length ? host[..(host.Length - registrable.Length - 1)] : "";
        if (sub.Length == 0)
            return null;
        var labels = sub.Split('.');
        for (var i = 1; i < labels.Length; i++)
        {
            if (Array.IndexOf(DomainLikeLabels, labels[i]) >= 0)
                return Hit($"the host {host} spells the domain {labels[i - 1]}.{labels[i]} in front of the real one, {registrable}");
        }
        if (labels.Length >= DeepNesting)
            return Hit($"the host {host} nests {labels.Length} levels of subdomains under {registrable}", 0.5);
        foreach (var label in labels)
        {
            if (LooksGenerated(label) is { } reason)
                return Hit($"the host {host} has a machine-generated-looking label \"{label}\" ({reason})", 0.25);
        }
        return null;
    }

    /// <summary>Why <paramref name="label"/> looks machine-generated, or null when it reads like a word or a name.</summary>
    internal static string? LooksGenerated(string label)
    {
        if (label.Length < 8 || label.StartsWith("xn--", StringComparison.Ordinal))
            return null;
        int digits = 0, letters = 0, vowels = 0, switches = 0, consonantRun = 0, longestConsonantRun = 0, hex = 0;
        var previousIsDigit = (bool?)null;
        foreach (var c in label)
        {
            if (c == '-')
            {
                consonantRun = 0;
                continue;
            }
            var isDigit = char.IsAsciiDigit(c);
            if (isDigit)
                digits++;
            else if (char.IsAsciiLetter(c))
                letters++;
            if (char.IsAsciiHexDigitLower(c))
                hex++;
            if (previousIsDigit is { } was && was != isDigit)
                switches++;
            previousIsDigit = isDigit;
            if (!isDigit && "aeiouy".Contains(c, StringComparison.Ordinal))
            {
                vowels++;
                consonantRun = 0;
            }
            else if (!isDigit)
                longestConsonantRun = Math.Max(longestConsonantRun, ++consonantRun);
            else
                consonantRun = 0;
        }
        if (switches >= 4 && digits >= 3)
            return $"letters and digits alternate {switches} times";
        if (label.Length >= 16 && hex == label.Length && digits >= 4)
            return "a long hexadecimal string";
        if (longestConsonantRun >= 6)
            return $"{longestConsonantRun} consonants in a row";
        if (letters >= 10 && vowels * 10 < letters)
            return "almost no vowels";
        return null;
    }
}
