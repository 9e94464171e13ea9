using System.Net;
using System.Net.Sockets;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: IP address instead of a domain: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkIpHostSignal : LinkSignal
{
    public override string Id => "link.ip-host";
    public override string Name => "Link: IP address instead of a domain";
    public override double Weight => 1.5;
    public override string Description =>
        "Legitimate services have names; a bare public address is a server nobody wanted to register a name " +
        "for (or a compromised machine). Private and loopback addresses are intranet links of the tenant " +
        "itself and weigh little.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.CredentialHarvest, AttackKind.MalwareDelivery];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [PublicAddress, PrivateAddress];
    public override string KnownFalsePositives => "Intranet tools and appliances addressed by IP; device admin pages.";

    public static readonly SignalStrength PublicAddress = new("public-address", 1.0, "a public (or unparsable) IP address");
    public static readonly SignalStrength PrivateAddress = new("private-address", 0.25, "a private, loopback or link-local address");

    public override SignalHit? Evaluate(LinkContext context)
    {
        var link = context.Link;
        if (!link.IsIpHost || string.IsNullOrEmpty(link.Host))
            return null;
        if (!IPAddress.TryParse(link.Host.Trim('[', ']'), out var address))
            return Hit($"the link goes to the IP address {link.Host}, not a named site", PublicAddress);
        return IsPrivate(address)
            ? Hit($"the link goes to the internal IP address {link.Host}", PrivateAddress)
            : Hit($"the link goes to the IP address {link.Host}, not a named site", PublicAddress);
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
