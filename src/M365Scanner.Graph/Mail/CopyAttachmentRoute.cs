namespace M365Scanner.Graph.Mail;

/// <summary>How one attachment gets into a rewritten copy (see <see cref="CopyAttachmentPlan"/>).</summary>
internal enum CopyAttachmentRoute
{
    /// <summary>Inline in the create request, base64 in its JSON.</summary>
    Inline,

    /// <summary>One <c>POST .../messages/{copy}/attachments</c> after the create: small, but no room left in the create.</summary>
    Posted,

    /// <summary>An upload session on the copy after the create: <c>createUploadSession</c>, then PUTs of
    /// <see cref="CopyAttachmentPlan.UploadRangeBytes"/> each.</summary>
    Uploaded,
}
