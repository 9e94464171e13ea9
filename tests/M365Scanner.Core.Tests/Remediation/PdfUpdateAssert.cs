using System.Text;
using System.Text.RegularExpressions;

namespace M365Scanner.Core.Tests.Remediation;

/// <summary>
/// Checks an incremental update by reading its bytes, independently of PdfPig (whose lenient parser would repair
/// wrong offsets silently): startxref points at the new cross-reference, which chains to the old one with /Prev,
/// and every entry's offset points at "n g obj" for its own number.
/// </summary>
internal static partial class PdfUpdateAssert
{
    /// <summary>Returns the object numbers the update redefines.</summary>
    public static List<long> IsValidUpdate(byte[] original, byte[] rewritten, bool expectStream)
    {
        Assert.True(rewritten.AsSpan(0, original.Length).SequenceEqual(original), "the original bytes are not a prefix");
        var update = Encoding.Latin1.GetString(rewritten, original.Length, rewritten.Length - original.Length);
        var all = Encoding.Latin1.GetString(rewritten);

        var startXref = long.Parse(StartXref().Matches(all)[^1].Groups[1].Value);
        Assert.True(startXref >= original.Length, "startxref does not point into the update");
        var oldStartXref = long.Parse(StartXref().Matches(Encoding.Latin1.GetString(original))[^1].Groups[1].Value);
        Assert.Contains($"/Prev {oldStartXref}", update);

        var entries = new List<(long Number, long Offset)>();
        var at = all[(int)startXref..];
        if (!expectStream)
        {
            Assert.StartsWith("xref", at);
            var lines = at.Split('\n');
            var i = 1;
            while (SubsectionHeader().Match(lines[i]) is { Success: true } header)
            {
                var first = long.Parse(header.Groups[1].Value);
                var count = int.Parse(header.Groups[2].Value);
                for (var k = 0; k < count; k++)
                {
                    var row = lines[i + 1 + k];
                    Assert.Equal(19, row.Length); // 20-byte entries: "oooooooooo ggggg n\r\n"
                    entries.Add((first + k, long.Parse(row[..10])));
                }
                i += 1 + count;
            }
            Assert.StartsWith("trailer", lines[i]);
        }
        else
        {
            var head = XrefStreamHead().Match(at);
            Assert.True(head.Success, "startxref does not point at an xref stream object: " + at[..Math.Min(80, at.Length)]);
            var dictionary = head.Groups[1].Value;
            Assert.Contains("/Type /XRef", dictionary);
            Assert.Contains("/W [1 4 2]", dictionary);
            var index = Regex.Match(dictionary, @"/Index \[([0-9 ]+)\]").Groups[1].Value.Split(' ').Select(long.Parse).ToArray();
            var data = Encoding.Latin1.GetBytes(at[(head.Index + head.Length)..]);
            var row = 0;
            for (var s = 0; s < index.Length; s += 2)
                for (var k = 0; k < index[s + 1]; k++, row++)
                {
                    Assert.Equal(1, data[row * 7]);
                    var offset = (long)data[row * 7 + 1] << 24 | (long)data[row * 7 + 2] << 16 | (long)data[row * 7 + 3] << 8 | data[row * 7 + 4];
                    entries.Add((index[s] + k, offset));
                }
        }

        Assert.NotEmpty(entries);
        foreach (var (number, offset) in entries)
        {
            Assert.True(offset >= original.Length, $"object {number} is not in the update");
            Assert.StartsWith($"{number} ", all[(int)offset..]);
            Assert.Matches(@"^\d+ \d+ obj", all[(int)offset..(int)Math.Min(all.Length, offset + 24)]);
        }
        return entries.Select(e => e.Number).ToList();
    }

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"^(\d+) (\d+)\r?$")]
    private static partial Regex SubsectionHeader();

    [GeneratedRegex(@"^\d+ 0 obj\n<<(.*?)>>\nstream\n", RegexOptions.Singleline)]
    private static partial Regex XrefStreamHead();
}
