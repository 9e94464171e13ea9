namespace M365Scanner.Graph.Mail;

/// <summary>Which way each attachment of a rewritten copy travels, so that no request exceeds Graph's limits. Pure:
/// sizes in, routes out.</summary>
/// <remarks>
/// <para>Graph refuses a request body over about 4 MB (413), takes a file attachment in a single request only under
/// 3 MB, and from 3 MB to 150 MB only through an upload session, in ranges of up to 4 MB
/// (learn.microsoft.com/graph/outlook-large-attachments). The documents do not say whether a megabyte is 10^6 or 2^20
/// bytes. The create is kept under 4 × 10^6 bytes and ranges are 3.75 MiB (also a multiple of 320 KiB, which
/// OneDrive's sessions ask for), within both readings. The session threshold is 3 × 10^6 bytes, the reading under
/// which the two documented rules agree (the base64 of a file under it, posted alone, is under 4 × 10^6 bytes plus its
/// JSON); should the service take that 3 MB as 3 MiB, a file of 3,000,000 to 3,145,727 bytes would be refused a
/// session, which only a run against the service can settle.</para>
/// <para>Attachments go inline in their order while the create stays within <see cref="CreateBudgetBytes"/>; the
/// rest follow the create, so the copy lists them after the inline ones.</para>
/// </remarks>
internal sealed record CopyAttachmentPlan(IReadOnlyList<CopyAttachmentRoute> Routes)
{
    /// <summary>Most bytes the create request's JSON may have: 4 × 10^6 less a margin for what the estimate leaves out.</summary>
    public const long CreateBudgetBytes = 4_000_000 - 64 * 1024;

    /// <summary>From this size on, an attachment goes through an upload session.</summary>
    public const long UploadSessionMinBytes = 3_000_000;

    /// <summary>The largest attachment an upload session takes (150 MB, read as MiB as the emulator enforces).</summary>
    public const long MaxUploadBytes = 150L * 1024 * 1024;

    /// <summary>Bytes per upload PUT: 12 × 320 KiB = 3.75 MiB, under 4 MB in either reading.</summary>
    public const int UploadRangeBytes = 12 * 320 * 1024;

    // An attachment's JSON besides its base64: @odata.type, name, contentType, isInline, contentId, punctuation. Names
    // are counted separately (escaped, a character can take 6 bytes).
    private const long JsonBytesPerAttachment = 512;

    /// <param name="sizes">Byte count of each attachment, in the copy's attachment order.</param>
    /// <param name="textBytes">UTF-8 bytes of each attachment's name and content id together.</param>
    /// <param name="messageJsonBytes">Bytes of the create's JSON without attachments (body, recipients, properties).</param>
    public static CopyAttachmentPlan For(IReadOnlyList<long> sizes, IReadOnlyList<long> textBytes, long messageJsonBytes)
    {
        var routes = new CopyAttachmentRoute[sizes.Count];
        var used = messageJsonBytes;
        for (var i = 0; i < sizes.Count; i++)
        {
            if (sizes[i] >= UploadSessionMinBytes)
            {
                routes[i] = CopyAttachmentRoute.Uploaded;
                continue;
            }
            var json = InlineJsonBytes(sizes[i], textBytes[i]);
            if (used + json <= CreateBudgetBytes)
            {
                routes[i] = CopyAttachmentRoute.Inline;
                used += json;
            }
            else
                routes[i] = CopyAttachmentRoute.Posted;
        }
        return new CopyAttachmentPlan(routes);
    }

    /// <summary>Requests after the create: one per posted attachment, per uploaded one the session plus its PUTs, and
    /// when there was any, the PATCH that marks the copy whole.</summary>
    public static long RequestsAfterCreate(IReadOnlyList<long> sizes, CopyAttachmentPlan plan)
    {
        var added = sizes.Select((size, i) => plan.Routes[i] switch
        {
            CopyAttachmentRoute.Posted => 1L,
            CopyAttachmentRoute.Uploaded => 1 + (size + UploadRangeBytes - 1) / UploadRangeBytes,
            _ => 0L,
        }).Sum();
        return added == 0 ? 0 : added + 1;
    }

    private static long InlineJsonBytes(long size, long textBytes) => (size + 2) / 3 * 4 + JsonBytesPerAttachment + textBytes * 6;
}
