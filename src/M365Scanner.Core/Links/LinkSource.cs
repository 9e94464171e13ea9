namespace M365Scanner.Core.Links;

/// <summary>Where in its container a link was written: decides how a rewrite must reach it and how much
/// the reader sees of it.</summary>
public enum LinkSource
{
    /// <summary>HTML &lt;a href&gt;.</summary>
    Anchor,
    /// <summary>HTML &lt;area href&gt; (image maps).</summary>
    Area,
    /// <summary>HTML &lt;form action&gt; (and formaction on buttons).</summary>
    FormAction,
    /// <summary>HTML &lt;meta http-equiv="refresh" content="0;url=..."&gt;.</summary>
    MetaRefresh,
    /// <summary>A URL written as plain text (text bodies, text attachments, PDF page text).</summary>
    Text,
    /// <summary>A PDF link annotation with a URI action.</summary>
    PdfAnnotation,
    /// <summary>A remote image (HTML img src, background): loaded, not clicked; the payload of image-only phishing.</summary>
    Image,
}
