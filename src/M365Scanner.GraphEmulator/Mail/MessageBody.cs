namespace M365Scanner.GraphEmulator.Mail;

/// <summary>Graph's itemBody: contentType "text" or "html".</summary>
public sealed record MessageBody(string ContentType, string Content)
{
    public bool IsHtml => string.Equals(ContentType, "html", StringComparison.OrdinalIgnoreCase);
}
