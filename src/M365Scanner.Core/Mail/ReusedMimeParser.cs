using MimeKit;

namespace M365Scanner.Core.Mail;

/// <summary>Parses messages with one MimeKit parser per thread, kept from message to message.</summary>
/// <remarks>MimeKit's parser grows its header buffer to the size it needs (rounded up to 64 bytes) at every line of a
/// folded header, copying it each time, and keeps the buffer when given the next stream (<see cref="MimeParser.SetStream(Stream, MimeFormat, bool)"/>).
/// A new parser per message grew it again for every long header of every message: four fifths of what parsing the
/// phishing corpus allocated.</remarks>
internal static class ReusedMimeParser
{
    /// <summary>After reading more than this a parser is dropped, not kept: its header buffer can be as large as the
    /// longest header it read, and no thread should hold a hostile message's worth of it.</summary>
    internal const long MaxBytesReadToKeep = 1024 * 1024;

    [ThreadStatic]
    private static MimeParser? idle;

    public static MimeMessage Parse(ParserOptions options, Stream stream, bool persistent, CancellationToken cancellationToken)
    {
        // Taken out while in use, so a parse within a parse (none today) gets a parser of its own.
        var parser = idle;
        idle = null;
        if (parser is null)
            parser = new MimeParser(options, stream, MimeFormat.Entity, persistent);
        else
        {
            parser.Options = options;
            parser.SetStream(stream, MimeFormat.Entity, persistent);
        }

        var message = parser.ParseMessage(cancellationToken);
        if (parser.Position <= MaxBytesReadToKeep)
        {
            // Let go of the message's stream, and the array under it, before keeping the parser. Its own buffers still
            // hold the last message's last header and last 4 KiB read, as a pooled buffer holds what it was lent for.
            parser.SetStream(Stream.Null, MimeFormat.Entity, persistent: false);
            idle = parser;
        }
        return message;
    }
}
