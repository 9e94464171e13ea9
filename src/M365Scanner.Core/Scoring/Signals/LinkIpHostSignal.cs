using System.Net;
using System.Net.Sockets;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>
/// Link: IP address instead of a domain. Legitimate services have names; a bare public address is a server nobody
/// wanted to register a name for (or a compromised machine). Private and loopback addresses are intranet links of
/// the tenant itself and weigh little.
/// </summary>
public sealed class LinkIpHostSignal : LinkSignal
{
    public override string Id => "link.ip-host";
    public override string Name => "Link: IP address instead of a domain";
    public override double Weight => 1.5;
    public override string KnownFalsePositives => "Intranet tools and appliances addressed by IP; device admin pages.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        var link = context.Link;
        if (!link.IsIpHost || string.IsNullOrEmpty(link.Host))
            return null;
        if (!IPAddress.TryParse(link.Host.Trim('[', ']'), out var address))
            return Hit($"the link goes to the IP address {link.Host}, not a named site");
        return IsPrivate(address)
            ? Hit($"the link goes to the internal IP address {link.Host}", 0.25)
            : Hit($"the link goes to the IP address {link.Host}, not a named site");
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (IPAddress.IsLoopback(address))
            return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}
