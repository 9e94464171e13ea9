using System.Net.Http.Headers;
using System.Text;

namespace M365Scanner.Demo.Tests.ReadmeExamples;

/// <summary>A <c>curl</c> line of the README as the request curl would send: the options the README uses
/// (<c>-s</c>, <c>-i</c>, <c>-X</c>, <c>-H</c>, <c>-d</c>) and one URL. curl's own defaults are kept: no redirect is
/// followed, and a body given with <c>-d</c> is a POST of <c>application/x-www-form-urlencoded</c> unless a method
/// and a Content-Type say otherwise. An option the test does not know fails the test.</summary>
public static class CurlCommand
{
    public static HttpRequestMessage ToRequest(IReadOnlyList<string> words)
    {
        if (words.Count == 0 || words[0] != "curl")
            throw new ArgumentException("not a curl command", nameof(words));
        string? method = null, body = null, url = null;
        var headers = new List<(string Name, string Value)>();
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-s" or "-i":
                    break;
                case "-X":
                    method = words[++i];
                    break;
                case "-H":
                    var header = words[++i];
                    var colon = header.IndexOf(':');
                    headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
                    break;
                case "-d":
                    body = words[++i];
                    break;
                case var option when option.StartsWith('-'):
                    throw new FormatException($"curl option {option} is not one this test runs");
                default:
                    url = url is null ? words[i] : throw new FormatException("two URLs in one curl line");
                    break;
            }
        }
        var request = new HttpRequestMessage(new HttpMethod(method ?? (body is null ? "GET" : "POST")),
            url ?? throw new FormatException("a curl line without a URL"));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && request.Content is not null)
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            else
                request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }
}
