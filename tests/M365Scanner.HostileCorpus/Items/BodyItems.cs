using System.Text;
using M365Scanner.HostileCorpus.Mail;

namespace M365Scanner.HostileCorpus.Items;

/// <summary>HTML bodies that hide the link from a reader with fixed limits (issue 11, finding 4): too many Safe Links
/// layers, thousands of hidden links first, a comment as long as the HTML limit first.</summary>
internal static class BodyItems
{
    public static IEnumerable<HostileItem> All =>
    [
        Html("html-safelinks-6-layers",
            "the link wrapped in Microsoft Safe Links 6 times over, one layer more than the unwrapper removes",
            url => $"<p>Your invoice is ready: <a href=\"{SafeLinks(url, 6).Replace("&", "&amp;")}\">{Lure.DisplayText}</a></p>"),
        Html("html-hidden-links-5000",
            "5,000 hidden links (display:none, distinct URLs) before the malicious one, as many as the per-message cap",
            url =>
            {
                var html = new StringBuilder("<p>Your invoice is ready.</p>\r\n");
                for (var i = 0; i < 5000; i++)
                    html.Append($"<a href=\"https://click.news-tracker.example/o/{i}\" style=\"display:none\"></a>\r\n");
                return html.Append($"<p>{LureMessage.LureAnchor(url)}</p>").ToString();
            }),
        Html("html-comment-8mib",
            "an HTML comment of 8 MiB (line breaks not counted) before the link, as long as the HTML read limit",
            url =>
            {
                // Line breaks may be rewritten on the way (CRLF to LF), so only the letters count towards the 8 MiB.
                var line = new string('x', 1023);
                var html = new StringBuilder("<p>Your invoice is ready.</p>\n<!--\n", 8 * 1024 * 1024 + 16 * 1024);
                for (var i = 0; i < 8 * 1024 * 1024 / line.Length + 1; i++)
                    html.Append(line).Append('\n');
                return html.Append($"-->\n<p>{LureMessage.LureAnchor(url)}</p>").ToString();
            }),
    ];

    private static HostileItem Html(string name, string description, Func<string, string> html) => new()
    {
        Name = name,
        Description = description,
        Build = url => LureMessage.With(name, LureMessage.Html(html(url))),
    };

    // Each layer as Outlook writes it: the wrapped URL percent-encoded in url=, then the tenant's tracking data.
    private static string SafeLinks(string url, int layers)
    {
        for (var i = 0; i < layers; i++)
            url = "https://nam12.safelinks.protection.outlook.com/?url=" + Uri.EscapeDataString(url) +
                  "&data=05%7C02%7Cvictim%40contoso.com%7C3f2a9c1e8b7d4e6fa0c2%7C72f988bf86f141af91ab2d7cd011db47%7C1%7C0%7C638765432101234567" +
                  "&sdata=Zm9vYmFyYmF6cXV4%3D&reserved=0";
        return url;
    }
}
