using System.Text.RegularExpressions;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Tests.TestSupport;
using Xunit.Abstractions;

namespace M365Scanner.Core.Tests.Links.Extraction.Datasets;

/// <summary>Plain-text URLs in real Enron mail (2000-2002, text bodies).</summary>
public partial class EnronCorpusExtractionTests(ITestOutputHelper output)
{
    private static readonly MessageLinkExtractor Extractor = new();

    [GeneratedRegex(@"https?://[a-z0-9]", RegexOptions.IgnoreCase)]
    private static partial Regex HttpUrl();

    [Fact]
    public void Extract_FindsBothUrls_InBuyComCreditNotice()
    {
        using var stream = File.OpenRead(SharedData.PathOf("enron", "arnold-j", "inbox", "20.eml"));
        var links = Extractor.Extract(EmlReader.Read(stream)).Links;

        Assert.Equal(["https://www.us.buy.com/corp/support", "http://www.buy.com"], links.Select(l => l.Url));
        Assert.All(links, l => Assert.Equal(("buy.com", LinkOrigin.Body, LinkSource.Text), (l.RegistrableDomain, l.Origin, l.Source)));
    }

    [Fact]
    public void Extract_FindsALink_InEveryMailboxMessageWhoseBodyHasAnHttpUrl()
    {
        var folder = SharedData.PathOf("enron", "arnold-j", "inbox");
        int withUrl = 0;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            using var stream = File.OpenRead(file);
            var message = EmlReader.Read(stream);
            if (message.TextBody is null || !HttpUrl().IsMatch(message.TextBody))
                continue;
            withUrl++;
            Assert.True(Extractor.Extract(message).Links.Count > 0, $"no link found in {file}");
        }
        output.WriteLine($"{withUrl} messages with URLs in arnold-j/inbox");
        Assert.True(withUrl >= 10, $"expected URLs in this mailbox, found {withUrl}");
    }
}
