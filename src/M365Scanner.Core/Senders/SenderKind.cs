namespace M365Scanner.Core.Senders;

/// <summary>What kind of sender a message comes from, read from its headers. Each kind links differently: a person
/// links a few places of their own, a list speaks for many authors, a newsletter links somewhere new every week.</summary>
/// <remarks>The names are stored (as the graph key of the kind's own novelty counters): never rename.</remarks>
public enum SenderKind
{
    /// <summary>A person writing directly (no list, bulk or automation markers).</summary>
    Person,
    /// <summary>A discussion list's copy of a member's post (List-Id or List-Post); the author is judged.</summary>
    MailingList,
    /// <summary>A newsletter or other bulk mail (List-Unsubscribe, Feedback-ID, Precedence: bulk, an e-mail service
    /// provider's headers, click-tracked links).</summary>
    Bulk,
    /// <summary>A machine writing on its own (Auto-Submitted, Precedence: auto_reply, a no-reply address).</summary>
    Automated,
}
