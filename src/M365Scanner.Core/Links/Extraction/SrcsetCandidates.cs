namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// The image URLs of a <c>srcset</c> value, read as the HTML standard's "parse a srcset attribute" reads them: a
/// browser loads one of them (which one depends on the screen), in place of or ahead of <c>src</c>, so every one of
/// them is an image the message can show.
/// </summary>
internal static class SrcsetCandidates
{
    public static IEnumerable<string> Urls(string? srcset)
    {
        if (string.IsNullOrEmpty(srcset))
            yield break;
        var i = 0;
        while (true)
        {
            while (i < srcset.Length && (IsSpace(srcset[i]) || srcset[i] == ','))
                i++;
            if (i >= srcset.Length)
                yield break;
            var start = i;
            while (i < srcset.Length && !IsSpace(srcset[i]))
                i++;
            var url = srcset[start..i];
            if (url.EndsWith(','))
            {
                // "a.png,b.png": the commas end the candidate, and there are no descriptors.
                yield return url.TrimEnd(',');
                continue;
            }
            yield return url;
            // Descriptors up to a comma outside parentheses.
            var depth = 0;
            for (; i < srcset.Length; i++)
            {
                var c = srcset[i];
                if (c == '(')
                    depth++;
                else if (c == ')' && depth > 0)
                    depth--;
                else if (c == ',' && depth == 0)
                    break;
            }
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
