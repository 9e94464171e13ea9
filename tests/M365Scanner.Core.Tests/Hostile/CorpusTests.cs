using System.Text.RegularExpressions;
using M365Scanner.HostileCorpus;
using MimeKit;

namespace M365Scanner.Core.Tests.Hostile;

/// <summary>The corpus is what the hostile-document tests assume: one message per item, from the attacker to the
/// victim, each with a link of its own.</summary>
public partial class CorpusTests
{
    public static TheoryData<string> Items => new(Corpus.All.Select(i => i.Name));

    [Fact]
    public void Names_AreUniqueHostLabels_SoEachItemHasItsOwnLink()
    {
        var names = Corpus.All.Select(i => i.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches(HostLabel(), n));
        Assert.All(Corpus.All, i => Assert.Equal($"https://{i.Name}.evil.example/login", i.MaliciousUrl));
    }

    [Fact]
    public void Corpus_HasControls_AndHostileItemsOfEveryKind()
    {
        Assert.Equal(["control-docx-link", "control-html-link", "control-pdf-link"], Corpus.Controls.Select(i => i.Name).Order());
        foreach (var prefix in new[] { "pdf-cycle-", "pdf-flate-bomb", "pdf-xobject-fanout", "pdf-operator-flood",
                     "pdf-annotation-flood", "pdf-encrypted", "html-safelinks-", "html-hidden-links-", "html-comment-",
                     "mime-multipart-", "mime-rfc822-", "mime-eml-", "docx-zip-bomb", "docx-deep-xml" })
            Assert.Contains(Corpus.Hostile, i => i.Name.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Items))]
    public void WriteTo_WritesAMessageFromTheAttackerToTheVictim_NamedAfterTheItem(string name)
    {
        var item = Corpus.Get(name);
        var dir = Directory.CreateTempSubdirectory("hostile-corpus-");
        try
        {
            var file = item.WriteTo(dir.FullName);

            Assert.Equal(Path.Combine(dir.FullName, name + ".eml"), file);
            using var stream = File.OpenRead(file);
            var headers = HeaderList.Load(stream);
            Assert.Equal(Lure.Sender, MailboxAddress.Parse(headers[HeaderId.From]!).Address);
            Assert.Equal(Lure.Recipient, MailboxAddress.Parse(headers[HeaderId.To]!).Address);
            Assert.Equal($"<{name}@evil-sender.example>", headers[HeaderId.MessageId]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex HostLabel();
}
