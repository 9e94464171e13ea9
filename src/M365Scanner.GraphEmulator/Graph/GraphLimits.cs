namespace M365Scanner.GraphEmulator.Graph;

/// <summary>The size limits Graph puts on what a client sends, as the emulator enforces them.</summary>
/// <remarks>Microsoft documents them in megabytes without saying whether a megabyte is 10^6 or 2^20 bytes. The emulator
/// takes 2^20 for the request and range limits and 10^6 for the session's 3 MB minimum, the reading under which
/// "under 3 MB, one POST" and "4 MB per request" agree: the base64 of 2,999,999 bytes fits in 4 MiB with its JSON.
/// <list type="bullet">
/// <item>A request body is limited to about 4 MB: Graph answers 413 "The maximum request length supported is 4MB."
/// (as reported against sendMail, github.com/O365/python-o365 issue 472). A base64 MIME upload and a $batch are bound by
/// it like any other body.</item>
/// <item>An attachment of 3 MB to 150 MB is added through an upload session, in ranges of up to 4 MB each
/// (learn.microsoft.com/graph/outlook-large-attachments, learn.microsoft.com/graph/api/attachment-createuploadsession);
/// a session for a smaller file is refused with ErrorAttachmentSizeShouldNotBeLessThanMinimumSize
/// (microsoftgraph/microsoft-graph-docs#7044).</item>
/// </list></remarks>
public static class GraphLimits
{
    public const long MaxRequestBodyBytes = 4L * 1024 * 1024;

    public const long MinUploadSessionBytes = 3_000_000;

    public const long MaxUploadSessionBytes = 150L * 1024 * 1024;

    public const long MaxUploadRangeBytes = 4L * 1024 * 1024;
}
