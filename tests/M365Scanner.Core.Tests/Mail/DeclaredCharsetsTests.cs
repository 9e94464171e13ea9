using M365Scanner.Core.Mail;
using MimeKit;

namespace M365Scanner.Core.Tests.Mail;

public class DeclaredCharsetsTests
{
    [Fact]
    public void Of_ACharsetNamePaddedToAMegabyte_GivesItsEncodingButIsNotRemembered()
    {
        // MimeKit reads "windows-000…01252" as code page 1252, so a sender can declare any number of names, each as long
        // as a header, that are all charsets: remembered for the life of the process, they would hold that memory.
        MimeCharsets.EnsureRegistered();
        var name = "windows-" + new string('0', 1_000_000) + "1252";
        var type = new ContentType("text", "plain") { Charset = name };

        var encoding = DeclaredCharsets.Of(type);

        Assert.Equal(1252, encoding?.CodePage);
        Assert.False(DeclaredCharsets.Remembers(name));
    }
}
