using M365Scanner.Cli.Output;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;

namespace M365Scanner.Cli.Scanning;

/// <summary>Scans .eml files offline: read, extract links, and turn the result into a <see cref="ScanRecord"/>.</summary>
/// <remarks>Scoring is not wired in yet: every message and link is reported "allow" with score 0 and no reasons.</remarks>
public sealed class EmlScanner(MessageLinkExtractor extractor)
{
    /// <summary>Scans one file; a file that cannot be read as a message becomes an error record, never an exception.</summary>
    public ScanRecord Scan(string file)
    {
        EmailMessage message;
        try
        {
            using var stream = File.OpenRead(file);
            message = EmlReader.Read(stream);
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            return ScanRecord.Failed(file, $"not readable as a message: {ex.Message}");
        }

        var extraction = extractor.Extract(message);
        return new ScanRecord
        {
            File = file,
            InternetMessageId = message.InternetMessageId,
            Subject = message.Subject,
            Action = "allow",
            Score = 0,
            Links = [.. extraction.Links.Select(ToRecord)],
            Notes = extraction.Notes,
        };
    }

    private static LinkRecord ToRecord(Link link) =>
        new(link.Url, link.Target, link.RegistrableDomain, link.Origin, link.Text, Score: 0, Action: "allow", Reasons: []);
}
