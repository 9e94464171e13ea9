using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Senders;

/// <summary>
/// Reads a message's headers for the kind of sender it comes from and, for a list's copy, for its real author.
/// Pure and cheap (a pass over the header list), so the graph runs it for every message it learns or describes.
/// </summary>
/// <remarks>
/// <para>Order matters: a discussion list's copy also carries List-Unsubscribe (RFC 2369 gives every list one), so
/// the list markers are read first; bulk comes before automation because a newsletter from "noreply@" is a newsletter.</para>
/// <para>DMARC munging: a list whose author's domain forbids re-sending under its name writes its own address into
/// From ("Jane via Some-list" &lt;list@lists.example&gt;) and keeps the author in Reply-To; Google Groups and
/// Mailman 3 also write X-Original-From, Mailman records the envelope sender as X-MailFrom. Munging is recognised only
/// when From is the list's own posting address, so a stranger's message cannot name an author by adding a Reply-To;
/// the graph further trusts the author only from a list the mailbox already receives (see
/// <see cref="Correspondence.CorrespondenceGraph.Describe"/>).</para>
/// </remarks>
public static class SenderClassifier
{
    /// <summary>Share of a message's Web links that must go through click trackers (with at least two) for the
    /// message to count as bulk mail without any header saying so.</summary>
    private const double TrackedShare = 0.5;

    /// <param name="links">The message's links, when known: click-tracked links mark bulk mail that hides its headers.</param>
    public static MessageSender Classify(EmailMessage message, IReadOnlyList<Link>? links = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var from = message.From ?? message.Sender;
        var fields = Fields.Read(message);
        var listId = ListHeaders.ParseListId(fields.ListId);
        var posting = ListHeaders.ParsePostingAddress(fields.ListPost);
        var bulk = fields.BulkMarker || IsClickTracked(links);
        if (posting is not null || (listId is not null && !bulk))
            return AsList(message, from, listId ?? posting!, posting);
        if (bulk)
            return MessageSender.Plain(message, SenderKind.Bulk);
        if (fields.AutomationMarker || AutomatedAddresses.Contains(from?.Address))
            return MessageSender.Plain(message, SenderKind.Automated);
        return MessageSender.Plain(message);
    }

    /// <summary>The header fields the kinds are read from, gathered in one pass over the message's fields.</summary>
    private readonly record struct Fields(string? ListId, string? ListPost, bool BulkMarker, bool AutomationMarker)
    {
        public static Fields Read(EmailMessage message)
        {
            string? listId = null, listPost = null;
            bool bulk = false, automated = false;
            foreach (var header in message.Headers)
            {
                var name = header.Name?.Trim() ?? "";
                if (name.Equals("List-Id", StringComparison.OrdinalIgnoreCase))
                    listId ??= header.Value;
                else if (name.Equals("List-Post", StringComparison.OrdinalIgnoreCase))
                    listPost ??= header.Value;
                else if (name.Equals("List-Unsubscribe", StringComparison.OrdinalIgnoreCase))
                    bulk = true;
                else if (name.Equals("Precedence", StringComparison.OrdinalIgnoreCase))
                {
                    var value = header.Value.Trim();
                    bulk |= value.Equals("bulk", StringComparison.OrdinalIgnoreCase) || value.Equals("junk", StringComparison.OrdinalIgnoreCase);
                    automated |= value.Equals("auto_reply", StringComparison.OrdinalIgnoreCase);
                }
                else if (name.Equals("Auto-Submitted", StringComparison.OrdinalIgnoreCase))
                    automated |= !header.Value.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase);
                else
                    bulk |= BulkMailHeaders.IsBulkHeader(name);
            }
            return new Fields(listId, listPost, bulk, automated);
        }
    }

    private static MessageSender AsList(EmailMessage message, EmailAddress? from, string channel, string? posting)
    {
        if (from is null || posting is null || from.Normalized != posting)
            return new MessageSender(SenderKind.MailingList, from, channel, posting, false);
        var author = ListHeaders.AddressIn(message, "X-Original-From", posting)
                     ?? message.ReplyTo.FirstOrDefault(r => r.Domain.Length > 0 && r.Normalized != posting && !IsListRole(r, posting))
                     ?? ListHeaders.AddressIn(message, "X-MailFrom", posting);
        return author is null
            ? new MessageSender(SenderKind.MailingList, from, channel, posting, false)
            : new MessageSender(SenderKind.MailingList, author with { DisplayName = author.DisplayName ?? from.DisplayName }, channel, posting, true);
    }

    // The list's own other addresses ("list-request@", "list-owner@", "list-bounces@") are never the author.
    private static bool IsListRole(EmailAddress address, string posting)
    {
        var at = posting.LastIndexOf('@');
        return at > 0 && address.Domain == posting[(at + 1)..] &&
               address.Normalized.StartsWith(posting[..at] + "-", StringComparison.Ordinal);
    }

    private static bool IsClickTracked(IReadOnlyList<Link>? links)
    {
        if (links is null)
            return false;
        int web = 0, tracked = 0;
        foreach (var link in links)
        {
            if (link.Kind != LinkKind.Web || link.Host is null)
                continue;
            web++;
            if (ReferenceData.Current.ClickTrackers.Contains(link.Host))
                tracked++;
        }
        return tracked >= 2 && tracked >= web * TrackedShare;
    }
}
