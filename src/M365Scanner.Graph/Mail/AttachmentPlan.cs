using Microsoft.Graph.Models;

namespace M365Scanner.Graph.Mail;

/// <summary>Which attachment bytes a scan reads, and how, decided from the metadata the message GET returned
/// (declared sizes, kinds). Pure: no requests.</summary>
/// <param name="Listed">File attachments read together by one list request (<see cref="AttachmentList"/>).</param>
/// <param name="ByValue">Attachments read one /$value request each (<see cref="AttachmentContent"/>).</param>
/// <param name="ListResponseLimit">Most bytes the list answer may have before it is abandoned.</param>
/// <remarks>
/// <para>An attachment declared over the cap is in neither list: it is never downloaded. Reference attachments have no
/// bytes and are not mapped.</para>
/// <para>The list answers with every file attachment's bytes (Graph's attachment list has no documented filter on
/// size), so it is used only when none of them is over the cap and together they are at most the list budget; with
/// one attachment a /$value costs the same one request and brings raw bytes instead of base64 in JSON. Item
/// attachments arrive from the list without bytes, so they always take a /$value (their MIME).</para>
/// </remarks>
internal sealed record AttachmentPlan(IReadOnlyList<Attachment> Listed, IReadOnlyList<Attachment> ByValue, long ListResponseLimit)
{
    // Base64 is 4 bytes per 3; the rest of an attachment's JSON (id, name, type, dates) stays well under this.
    private const long JsonBytesPerAttachment = 4096;

    /// <param name="mappable">The attachments that become the scanned message's attachments, in order.</param>
    /// <param name="attachmentCount">All attachments of the message, reference attachments included (the list answer
    /// carries them too).</param>
    public static AttachmentPlan For(IReadOnlyList<Attachment> mappable, int attachmentCount, long cap, long listBudget)
    {
        var wanted = mappable.Where(a => a.Id is not null && NeedsBytes(a) && (a.Size ?? 0) <= cap).ToList();
        var files = mappable.OfType<FileAttachment>().ToList();
        var list = files.Count >= 2 && files.All(f => wanted.Contains(f)) && files.Sum(f => f.Size ?? 0) <= listBudget;
        if (!list) return new AttachmentPlan([], wanted, 0);
        var limit = files.Sum(f => f.Size ?? 0) * 4 / 3 + JsonBytesPerAttachment * (attachmentCount + 1);
        return new AttachmentPlan(files, [.. wanted.Where(a => a is not FileAttachment)], limit);
    }

    private static bool NeedsBytes(Attachment a) => a is FileAttachment { ContentBytes: null } or ItemAttachment;
}
