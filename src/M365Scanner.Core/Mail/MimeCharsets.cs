using System.Text;

namespace M365Scanner.Core.Mail;

/// <summary>
/// Makes every charset of mail readable (windows-1252, Shift_JIS, GB2312, KOI8-R...) before MimeKit decodes anything.
/// </summary>
/// <remarks>.NET reads only the Unicode charsets, ASCII and ISO-8859-1 until the code-page provider is registered, and
/// MimeKit falls back to ISO-8859-1 for the rest. AngleSharp and PdfPig register the provider themselves when first
/// used, so without this a process read the first messages it saw differently from the same messages later.</remarks>
internal static class MimeCharsets
{
    /// <summary>True once the provider is registered: reading it registers the provider, once per process.</summary>
    public static bool Registered { get; } = Register();

    /// <summary>Registers the provider once per process.</summary>
    public static void EnsureRegistered() => _ = Registered;

    private static bool Register()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    }
}
