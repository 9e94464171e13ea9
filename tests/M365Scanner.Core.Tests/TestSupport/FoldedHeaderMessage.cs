using System.Text;

namespace M365Scanner.Core.Tests.TestSupport;

/// <summary>A message with one header folded over many short lines: MimeKit's parse copies the header so far at every
/// line, so its cost grows with the square of the header's length (40,000 lines: about 50 GB copied).</summary>
internal static class FoldedHeaderMessage
{
    public static byte[] Build(int lines = 40_000)
    {
        var mime = new StringBuilder("From: a@sender.example\r\nX-Folded: start");
        for (var i = 0; i < lines; i++)
            mime.Append("\r\n ").Append('a', 60);
        mime.Append("\r\nSubject: folded\r\n\r\nSee https://inside.example/x\r\n");
        return Encoding.ASCII.GetBytes(mime.ToString());
    }
}
