namespace M365Scanner.Core.Links.Normalization;

/// <summary>
/// IPv4 hosts the way browsers read them (WHATWG URL standard, "IPv4 parser"): one to four parts, each decimal,
/// octal (leading 0) or hex (0x), the last part filling the remaining bytes. So "3232235777", "0300.0250.1.1",
/// "0xC0.168.1.1" and "192.168.257" are all IP hosts, and phishers use exactly these forms to hide one.
/// </summary>
internal static class Ipv4Parser
{
    /// <summary>True when a host must be read as IPv4 because its last label is a number (WHATWG "ends in a
    /// number"); such a host is then either a valid address or not a host at all.</summary>
    public static bool EndsInNumber(string host)
    {
        var span = host.AsSpan();
        if (span.EndsWith('.'))
            span = span[..^1];
        var last = span[(span.LastIndexOf('.') + 1)..];
        if (last.IsEmpty)
            return false;
        if (!last.ContainsAnyExceptInRange('0', '9'))
            return true;
        return last.Length >= 2 && last[0] == '0' && last[1] is 'x' or 'X' && !last[2..].ContainsAnyExcept(HexDigits);
    }

    /// <summary>Parses a lower-case host (trailing dot allowed) into a dotted quad; false when it is not a valid
    /// IPv4 address in any browser-accepted form.</summary>
    public static bool TryParse(string host, out string dottedQuad)
    {
        dottedQuad = "";
        var parts = host.Split('.');
        var count = parts.Length;
        if (count > 1 && parts[^1].Length == 0)
            count--;
        if (count is 0 or > 4)
            return false;

        ulong address = 0;
        for (var i = 0; i < count; i++)
        {
            if (!TryParsePart(parts[i], out var value))
                return false;
            var isLast = i == count - 1;
            if (!isLast)
            {
                if (value > 255)
                    return false;
                address |= value << (8 * (3 - i));
            }
            else
            {
                // The last part fills every byte not given by an earlier part.
                var limit = 1UL << (8 * (5 - count));
                if (value >= limit)
                    return false;
                address |= value;
            }
        }
        dottedQuad = $"{(address >> 24) & 255}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}";
        return true;
    }

    private const string HexDigits = "0123456789abcdefABCDEF";

    private static bool TryParsePart(string part, out ulong value)
    {
        value = 0;
        if (part.Length == 0)
            return false;
        var digits = part.AsSpan();
        var radix = 10;
        if (digits.Length >= 2 && digits[0] == '0' && digits[1] is 'x' or 'X')
        {
            radix = 16;
            digits = digits[2..];
        }
        else if (digits.Length >= 2 && digits[0] == '0')
        {
            radix = 8;
            digits = digits[1..];
        }
        foreach (var c in digits)
        {
            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (d >= radix)
                return false;
            // Saturate instead of overflowing: anything past 2^32 is invalid anyway.
            value = Math.Min(value * (ulong)radix + (ulong)d, 1UL << 40);
        }
        return true;
    }
}
