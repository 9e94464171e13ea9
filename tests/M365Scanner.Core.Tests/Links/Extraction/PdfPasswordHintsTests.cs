using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;

namespace M365Scanner.Core.Tests.Links.Extraction;

public class PdfPasswordHintsTests
{
    private static IReadOnlyList<string> Hints(string? text = null, string? html = null) =>
        PdfPasswordHints.From(new EmailMessage { TextBody = text, HtmlBody = html });

    [Theory]
    [InlineData("Senha de acesso: 1234 - Autorização: X", "1234")]
    [InlineData("The document password is: x7Q-p9.", "x7Q-p9")]
    [InlineData("Passwort = Geheim42", "Geheim42")]
    [InlineData("PIN: 8812", "8812")]
    public void From_ReturnsToken_WhenTextBodyPrintsPassword(string text, string expected) =>
        Assert.Equal([expected], Hints(text));

    [Fact]
    public void From_DecodesHtml_WhenPasswordIsInHtmlBody() =>
        Assert.Equal(["1234"], Hints(html: "<p>Senha de acesso:&nbsp;<b>1234</b></p>"));

    [Fact]
    public void From_ReturnsNothing_WhenPasswordIsOnlyMentioned() =>
        Assert.Empty(Hints("Click here to reset your password if you forgot it."));
}
