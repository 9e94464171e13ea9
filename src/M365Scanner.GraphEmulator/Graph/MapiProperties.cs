using System.Globalization;
using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>The MAPI properties that change how Exchange treats a message created through Graph.</summary>
internal static class MapiProperties
{
    /// <summary>PidTagMessageFlags; MSGFLAG_UNSENT (0x8) makes a draft, MSGFLAG_READ (0x1) marks read.</summary>
    public const int MessageFlags = 0x0E07;
    /// <summary>PidTagMessageDeliveryTime: becomes receivedDateTime.</summary>
    public const int DeliveryTime = 0x0E06;
    /// <summary>PidTagClientSubmitTime: becomes sentDateTime.</summary>
    public const int ClientSubmitTime = 0x0039;

    public const int FlagRead = 0x1;
    public const int FlagUnsent = 0x8;

    /// <summary>The property tag of an id such as "Integer 0x0E07", or null for named properties.</summary>
    public static int? Tag(ExtendedProperty p)
    {
        var parts = p.Id.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[1].StartsWith("0x", StringComparison.OrdinalIgnoreCase)) return null;
        return int.TryParse(parts[1][2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var tag) ? tag : null;
    }

    public static int? Integer(IEnumerable<ExtendedProperty> props, int tag) =>
        props.FirstOrDefault(p => Tag(p) == tag) is { } p && int.TryParse(p.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static DateTimeOffset? Time(IEnumerable<ExtendedProperty> props, int tag) =>
        props.FirstOrDefault(p => Tag(p) == tag) is { } p
        && DateTimeOffset.TryParse(p.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var v) ? v.ToUniversalTime() : null;
}
