namespace M365Scanner.Core.Mail;

/// <summary>One header field, name as written, value unfolded and decoded.</summary>
/// <remarks>A field read from MIME is decoded on first use of its value: readers look fields up by name, and decoding
/// every field of every message (encoded words, charsets) was the largest part of mapping a parsed message.</remarks>
public sealed record MessageHeader
{
    private readonly MimeKit.Header? source;
    private string? value;

    public MessageHeader(string name, string value)
    {
        Name = name;
        this.value = value;
    }

    internal MessageHeader(MimeKit.Header source)
    {
        Name = source.Field;
        // A clone shares the raw bytes but not the parsed header's Changed event, which ties it to its list and
        // message: holding the original would keep the whole parsed message (every part, encoded) alive with ours.
        this.source = source.Clone();
    }

    public string Name { get; init; }

    public string Value
    {
        // A field built from a null value (JSON without it) reads back as null, as the positional record it replaced did.
        get => value ??= source?.Value!;
        init => this.value = value;
    }

    public void Deconstruct(out string name, out string value)
    {
        name = Name;
        value = Value;
    }

    public bool Equals(MessageHeader? other) =>
        other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal) && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Name, Value);
}
