using MimeKit;

namespace M365Scanner.HostileCorpus;

/// <summary>
/// One document of the corpus: a complete message from <see cref="Lure.Sender"/> to <see cref="Lure.Recipient"/>
/// whose hostile part hides <see cref="MaliciousUrl"/>.
/// </summary>
public sealed class HostileItem
{
    private static readonly FormatOptions Rfc5322 = new() { NewLineFormat = NewLineFormat.Dos };

    /// <summary>Unique, and a valid host label: it is part of <see cref="MaliciousUrl"/>.</summary>
    public required string Name { get; init; }

    /// <summary>What is hostile about the document, in a sentence.</summary>
    public required string Description { get; init; }

    /// <summary>The attachment file name a note must name when part of the item cannot be read; null for items
    /// whose hostile part is the message itself (its body or structure).</summary>
    public string? Attachment { get; init; }

    /// <summary>False when a correct reader reads the whole item (nothing left unread to note), and for controls.</summary>
    public bool NoteExpected { get; init; } = true;

    /// <summary>A control hides nothing: its link must be found and flagged today. It shows that the lure is
    /// caught when visible, so a hostile item that is allowed was read short.</summary>
    public bool IsControl { get; init; }

    /// <summary>Builds the message; given the item's own malicious URL.</summary>
    public required Func<string, MimeMessage> Build { get; init; }

    public string MaliciousUrl => Lure.Url(Name);

    public string FileName => Name + ".eml";

    public MimeMessage ToMessage() => Build(MaliciousUrl);

    public void WriteTo(Stream output) => ToMessage().WriteTo(Rfc5322, output);

    /// <summary>Writes the item as <see cref="FileName"/> in <paramref name="directory"/> and returns its path.</summary>
    public string WriteTo(string directory)
    {
        var path = Path.Combine(directory, FileName);
        using var file = File.Create(path);
        WriteTo(file);
        return path;
    }

    public override string ToString() => Name;
}
