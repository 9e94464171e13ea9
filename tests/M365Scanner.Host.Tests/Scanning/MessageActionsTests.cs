using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Remediation;
using M365Scanner.Core.Scanning;
using M365Scanner.Core.Scoring;
using M365Scanner.Host.BlockedLinks;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Tenants;
using M365Scanner.Host.Tests.TestSupport;
using M365Scanner.Storage.InMemory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tests.Scanning;

/// <summary>
/// The action state machine on its own: a run stopped before each step (the way a host killed mid-action stops) and
/// a second run that resumes from the audit log, against a mailbox in memory. The end-to-end tests
/// (EndToEnd/HostCrashTests, OneCopyTests) prove the same through Graph and Hangfire; these run in milliseconds and
/// assert the mailbox and the audit entries after every step.
/// </summary>
public class MessageActionsTests
{
    private const string Tenant = "tenant-1";
    private const string User = "alice@contoso.example";
    private const string MessageId = "abc@sender.example";
    private const string Evil = "https://login-micros0ft.example/reset";

    private readonly InMemoryMailbox _mailbox = new();
    private readonly InMemoryAuditLog _audit = new();
    private readonly InMemoryMessageLeases _leases = new();
    private readonly MessageKey _key = new(Tenant, User, MessageId);

    /// <summary>A host that stops before a step: the exception escapes the action, as the host's death would end it.</summary>
    private sealed class HostStopped(string step) : Exception($"host stopped before {step}");

    public static TheoryData<string> RewriteStepsBeforeTheMove => ["create-copy", "record-copy", "move-original"];

    [Fact]
    public async Task CarryOut_RewritesAndQuarantinesTheOriginal_WhenNoStepFails()
    {
        var original = _mailbox.Deliver(Message());

        var done = await Actions().CarryOutAsync(_key, original, RewriteVerdict(original), AuditActor.Scanner, CancellationToken.None);

        Assert.Equal(MessageAction.Rewrite, done);
        AssertRewriteCompleted(original);
    }

    [Fact]
    public async Task CarryOut_DoesNothingMore_WhenTheRewriteAlreadyCompleted()
    {
        var original = _mailbox.Deliver(Message());
        await Actions().CarryOutAsync(_key, original, RewriteVerdict(original), AuditActor.Scanner, CancellationToken.None);

        await Actions().CarryOutAsync(_key, original, RewriteVerdict(original), AuditActor.Scanner, CancellationToken.None);

        AssertRewriteCompleted(original);
    }

    [Theory]
    [MemberData(nameof(RewriteStepsBeforeTheMove))]
    public async Task CarryOut_ResumesTheRewriteToOneCopy_WhenStoppedBeforeStep(string step)
    {
        var original = _mailbox.Deliver(Message());

        await Assert.ThrowsAsync<HostStopped>(() => ActionsStoppingBefore(step).CarryOutAsync(_key, original, RewriteVerdict(original), AuditActor.Scanner, CancellationToken.None));
        AssertRewriteStoppedBefore(step, original);

        await Actions().CarryOutAsync(_key, original, RewriteVerdict(original), AuditActor.Scanner, CancellationToken.None);

        AssertRewriteCompleted(original);
    }

    [Fact]
    public async Task CarryOut_ReplacesAnUnfinishedCopy_WhenStoppedWhileItsAttachmentsWereBeingAdded()
    {
        var original = _mailbox.Deliver(Message());
        _mailbox.StopWhileAddingAttachments = () => new HostStopped("the last upload range");
        await Assert.ThrowsAsync<HostStopped>(() => Actions().CarryOutAsync(_key, original, RewriteVerdict(original), AuditActor.Scanner, CancellationToken.None));
        var unfinished = Assert.Single(_mailbox.All, m => m.ScannerCopyOf == original.Id).Id;

        await Actions().CarryOutAsync(_key, original, RewriteVerdict(original), AuditActor.Scanner, CancellationToken.None);

        Assert.NotEqual(unfinished, AssertRewriteCompleted(original).ResultMessageId);
        Assert.DoesNotContain(_mailbox.All, m => m.Id == unfinished);
    }

    [Fact]
    public async Task CompleteInterruptedMove_CompletesTheRewriteFromQuarantine_WhenStoppedBeforeRecordingTheMove()
    {
        var original = _mailbox.Deliver(Message());
        await Assert.ThrowsAsync<HostStopped>(() => ActionsStoppingBefore("record-move").CarryOutAsync(_key, original, RewriteVerdict(original), AuditActor.Scanner, CancellationToken.None));
        var copied = Assert.Single(Entries("rewrite"));
        Assert.Equal(AuditState.Copied, copied.State);
        Assert.Equal(original.Id, copied.OriginalMessageId);
        Assert.DoesNotContain(_mailbox.In(InMemoryMailbox.Inbox), m => m.ScannerCopyOf is null);

        var completed = await Actions().CompleteInterruptedMoveAsync(_key, CancellationToken.None);

        Assert.NotNull(completed);
        Assert.Equal(copied.Id, completed.Id);
        AssertRewriteCompleted(original);
    }

    [Fact]
    public async Task Quarantine_MovesTheMessage_WhenNoStepFails()
    {
        var original = _mailbox.Deliver(Message());

        await Actions().QuarantineAsync(_key, original, "hunt match", AuditActor.Scanner, CancellationToken.None);

        AssertQuarantineCompleted();
    }

    [Fact]
    public async Task Quarantine_ResumesItsOwnEntry_WhenTheMoveFailedOnce()
    {
        var original = _mailbox.Deliver(Message());
        _mailbox.BeforeQuarantineMove = () => throw new HttpRequestException("503 from Graph");

        await Assert.ThrowsAsync<HttpRequestException>(() => Actions().QuarantineAsync(_key, original, "hunt match", AuditActor.Scanner, CancellationToken.None));
        var started = Assert.Single(Entries("quarantine"));
        Assert.Equal(AuditState.Started, started.State);
        Assert.Equal(original.Id, Assert.Single(_mailbox.In(InMemoryMailbox.Inbox)).Id);

        _mailbox.BeforeQuarantineMove = null;
        await Actions().QuarantineAsync(_key, original, "hunt match", AuditActor.Scanner, CancellationToken.None);

        Assert.Equal(started.Id, AssertQuarantineCompleted().Id);
    }

    [Fact]
    public async Task CompleteInterruptedMove_CompletesTheQuarantine_WhenStoppedBeforeRecordingTheMove()
    {
        var original = _mailbox.Deliver(Message());
        await Assert.ThrowsAsync<HostStopped>(() => ActionsStoppingBefore("record-move").QuarantineAsync(_key, original, "hunt match", AuditActor.Scanner, CancellationToken.None));
        Assert.Equal(AuditState.Started, Assert.Single(Entries("quarantine")).State);

        var completed = await Actions().CompleteInterruptedMoveAsync(_key, CancellationToken.None);

        Assert.NotNull(completed);
        Assert.Equal(AssertQuarantineCompleted().Id, completed.Id);
    }

    [Fact]
    public async Task CompleteInterruptedMove_CompletesAHuntsQuarantine_WhenAPersonStartedTheHunt()
    {
        var original = _mailbox.Deliver(Message());
        var alice = new AuditActor("alice@contoso.example", "hunt-1");
        await Assert.ThrowsAsync<HostStopped>(() => ActionsStoppingBefore("record-move").QuarantineAsync(_key, original, "ioc hunt hunt-1: match", alice, CancellationToken.None));
        Assert.Equal(AuditState.Started, Assert.Single(Entries("quarantine")).State);

        var completed = await Actions().CompleteInterruptedMoveAsync(_key, CancellationToken.None);

        Assert.NotNull(completed);
        var entry = AssertQuarantineCompleted();
        Assert.Equal(entry.Id, completed.Id);
        Assert.Equal(("alice@contoso.example", "hunt-1"), (entry.Actor, entry.HuntId));
    }

    [Fact]
    public async Task CompleteInterruptedMove_CompletesAHuntsRewrite_WhenAPersonStartedTheHunt()
    {
        var original = _mailbox.Deliver(Message());
        var alice = new AuditActor("alice@contoso.example", "hunt-2");
        await Assert.ThrowsAsync<HostStopped>(() => ActionsStoppingBefore("record-move").CarryOutAsync(_key, original, RewriteVerdict(original), alice, CancellationToken.None));
        Assert.Equal(AuditState.Copied, Assert.Single(Entries("rewrite")).State);

        var completed = await Actions().CompleteInterruptedMoveAsync(_key, CancellationToken.None);

        Assert.NotNull(completed);
        var entry = AssertRewriteCompleted(original, alice);
        Assert.Equal(entry.Id, completed.Id);
    }

    [Fact]
    public async Task CarryOut_RecordsTheScannerWithoutAHunt_ForAScansOwnAction()
    {
        var original = _mailbox.Deliver(Message());

        await Actions().CarryOutAsync(_key, original, RewriteVerdict(original), AuditActor.Scanner, CancellationToken.None);

        Assert.Null(AssertRewriteCompleted(original).HuntId);
    }

    [Fact]
    public async Task CompleteInterruptedMove_ReturnsNull_WhenTheRewriteNeverMovedTheOriginal()
    {
        var original = _mailbox.Deliver(Message());
        await Assert.ThrowsAsync<HostStopped>(() => ActionsStoppingBefore("move-original").CarryOutAsync(_key, original, RewriteVerdict(original), AuditActor.Scanner, CancellationToken.None));

        var completed = await Actions().CompleteInterruptedMoveAsync(_key, CancellationToken.None);

        Assert.Null(completed);
        Assert.Equal(AuditState.Copied, Assert.Single(Entries("rewrite")).State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("create-copy")]
    [InlineData("record-copy")]
    [InlineData("move-original")]
    [InlineData("record-move")]
    public async Task Release_LeavesOnlyTheOriginalInTheInbox_AfterARewriteStoppedBeforeStep(string? step)
    {
        var original = _mailbox.Deliver(Message());
        if (step is not null)
        {
            await Assert.ThrowsAsync<HostStopped>(() => ActionsStoppingBefore(step).CarryOutAsync(_key, original, RewriteVerdict(original), AuditActor.Scanner, CancellationToken.None));
            if (step == "record-move")
                await Actions().CompleteInterruptedMoveAsync(_key, CancellationToken.None);
            else
                await Actions().CarryOutAsync(_key, original, RewriteVerdict(original), AuditActor.Scanner, CancellationToken.None);
        }
        else
        {
            await Actions().CarryOutAsync(_key, original, RewriteVerdict(original), AuditActor.Scanner, CancellationToken.None);
        }
        var rewrite = AssertRewriteCompleted(original);

        var releaseId = await Actions().ReleaseAsync(rewrite.Id, "admin@contoso.example", CancellationToken.None);

        AssertReleased(rewrite.Id, releaseId, original);
    }

    [Fact]
    public async Task Release_PutsTheMessageBack_AfterAQuarantineStoppedBeforeRecordingTheMove()
    {
        var original = _mailbox.Deliver(Message());
        await Assert.ThrowsAsync<HostStopped>(() => ActionsStoppingBefore("record-move").QuarantineAsync(_key, original, "hunt match", AuditActor.Scanner, CancellationToken.None));
        await Actions().CompleteInterruptedMoveAsync(_key, CancellationToken.None);
        var quarantine = AssertQuarantineCompleted();

        var releaseId = await Actions().ReleaseAsync(quarantine.Id, "admin@contoso.example", CancellationToken.None);

        AssertReleased(quarantine.Id, releaseId, original);
    }

    [Fact]
    public async Task Release_Throws_AndTouchesNothing_WhenTheRewriteIsNotCompleted()
    {
        var original = _mailbox.Deliver(Message());
        await Assert.ThrowsAsync<HostStopped>(() => ActionsStoppingBefore("move-original").CarryOutAsync(_key, original, RewriteVerdict(original), AuditActor.Scanner, CancellationToken.None));
        var copied = Assert.Single(Entries("rewrite"));
        var before = _mailbox.All.Select(m => (m.Id, m.FolderId)).OrderBy(m => m.Id).ToList();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Actions().ReleaseAsync(copied.Id, "admin@contoso.example", CancellationToken.None));

        Assert.Equal(before, _mailbox.All.Select(m => (m.Id, m.FolderId)).OrderBy(m => m.Id).ToList());
        Assert.Empty(Entries("release"));
        Assert.Equal(AuditState.Copied, _audit.Get(copied.Id)!.State);
    }

    [Fact]
    public async Task Release_Throws_WhenReleasedTwice()
    {
        var original = _mailbox.Deliver(Message());
        await Actions().CarryOutAsync(_key, original, RewriteVerdict(original), AuditActor.Scanner, CancellationToken.None);
        var rewrite = Assert.Single(Entries("rewrite"));
        await Actions().ReleaseAsync(rewrite.Id, "admin@contoso.example", CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Actions().ReleaseAsync(rewrite.Id, "admin@contoso.example", CancellationToken.None));

        Assert.Single(Entries("release"));
        Assert.Equal(original.Message.InternetMessageId, Assert.Single(_mailbox.All).Message.InternetMessageId);
    }

    private void AssertRewriteStoppedBefore(string step, FetchedMessage original)
    {
        var entry = Assert.Single(Entries("rewrite"));
        var inbox = _mailbox.In(InMemoryMailbox.Inbox);
        Assert.Contains(inbox, m => m.Id == original.Id);
        Assert.Empty(_mailbox.In(InMemoryMailbox.Quarantine));
        switch (step)
        {
            case "create-copy":
                Assert.Equal(AuditState.Started, entry.State);
                Assert.Single(inbox);
                break;
            case "record-copy":
                Assert.Equal(AuditState.Started, entry.State);
                Assert.Null(entry.ResultMessageId);
                Assert.Single(inbox, m => m.ScannerCopyOf == original.Id);
                break;
            case "move-original":
                Assert.Equal(AuditState.Copied, entry.State);
                Assert.Equal(Assert.Single(inbox, m => m.ScannerCopyOf == original.Id).Id, entry.ResultMessageId);
                break;
        }
    }

    /// <summary>One completed rewrite entry; the inbox holds exactly one copy, neutralised, and quarantine the original.</summary>
    private AuditEntry AssertRewriteCompleted(FetchedMessage original, AuditActor? actor = null)
    {
        actor ??= AuditActor.Scanner;
        var entry = Assert.Single(Entries("rewrite"));
        var copy = Assert.Single(_mailbox.In(InMemoryMailbox.Inbox));
        var quarantined = Assert.Single(_mailbox.In(InMemoryMailbox.Quarantine));
        Assert.Equal(original.Id, copy.ScannerCopyOf);
        Assert.DoesNotContain(Evil, copy.Message.HtmlBody);
        Assert.Contains("/blocked/", copy.Message.HtmlBody);
        Assert.Null(quarantined.ScannerCopyOf);
        Assert.Equal(original.Message.HtmlBody, quarantined.Message.HtmlBody);
        Assert.Equal(AuditState.Completed, entry.State);
        Assert.Equal((actor.Name, actor.HuntId), (entry.Actor, entry.HuntId));
        Assert.Equal(quarantined.Id, entry.OriginalMessageId);
        Assert.Equal(copy.Id, entry.ResultMessageId);
        return entry;
    }

    private AuditEntry AssertQuarantineCompleted()
    {
        var entry = Assert.Single(Entries("quarantine"));
        Assert.DoesNotContain(_mailbox.In(InMemoryMailbox.Inbox), m => m.ScannerCopyOf is null);
        var quarantined = Assert.Single(_mailbox.In(InMemoryMailbox.Quarantine));
        Assert.Equal(AuditState.Completed, entry.State);
        Assert.Equal(quarantined.Id, entry.OriginalMessageId);
        Assert.Null(entry.ResultMessageId);
        return entry;
    }

    /// <summary>The user has the original back, unchanged, and no copy; the action is marked released by a completed
    /// release entry that points at it.</summary>
    private void AssertReleased(long actionId, long releaseId, FetchedMessage original)
    {
        var restored = Assert.Single(_mailbox.All);
        Assert.Equal(InMemoryMailbox.Inbox, restored.FolderId);
        Assert.Null(restored.ScannerCopyOf);
        Assert.Equal(original.Message.HtmlBody, restored.Message.HtmlBody);
        var action = _audit.Get(actionId)!;
        Assert.Equal(AuditState.Released, action.State);
        Assert.Equal(restored.Id, action.OriginalMessageId);
        var release = _audit.Get(releaseId)!;
        Assert.Equal(AuditAction.Release, release.Action);
        Assert.Equal(AuditState.Completed, release.State);
        Assert.Equal(actionId, release.RelatedEntryId);
        Assert.Equal("admin@contoso.example", release.Actor);
        Assert.Equal(restored.Id, release.OriginalMessageId);
    }

    [Fact]
    public async Task CarryOut_Quarantine_LeavesNoNotice_WhenTheTenantDoesNotAskForIt()
    {
        var original = _mailbox.Deliver(Message());

        await Actions().CarryOutAsync(_key, original, QuarantineVerdict(original), AuditActor.Scanner, CancellationToken.None);

        AssertQuarantineCompleted();
        Assert.Empty(_mailbox.Notices);
        Assert.Empty(Entries("notice"));
    }

    [Fact]
    public async Task CarryOut_Quarantine_LeavesExactlyOneNotice_WithoutTheHeldLinks_AlsoWhenRunTwice()
    {
        var original = _mailbox.Deliver(Message());

        await Actions(notices: true).CarryOutAsync(_key, original, QuarantineVerdict(original), AuditActor.Scanner, CancellationToken.None);
        await Actions(notices: true).CarryOutAsync(_key, original, QuarantineVerdict(original), AuditActor.Scanner, CancellationToken.None);

        AssertQuarantineCompleted();
        var (id, notice) = Assert.Single(_mailbox.Notices);
        Assert.Equal(InMemoryMailbox.Inbox, _mailbox.All.Single(m => m.Id == id).FolderId);
        Assert.Contains("it-support@sender.example", notice.HtmlBody);
        Assert.Contains("“Password expires today”", notice.HtmlBody);
        Assert.DoesNotContain(Evil, notice.HtmlBody);
        Assert.DoesNotContain("contoso.example/policy", notice.HtmlBody);
        Assert.Contains("https://scanner.contoso.example/blocked/", notice.HtmlBody);
        var entry = Assert.Single(Entries("notice"));
        Assert.Equal((AuditState.Completed, id), (entry.State, entry.ResultMessageId));
    }

    [Fact]
    public async Task CarryOut_CompletesTheSameNotice_WhenTheRunThatCreatedItFailedBeforeRecordingIt()
    {
        var original = _mailbox.Deliver(Message());

        var done = await Actions(ActionsStoppingBeforeFaults("record-notice"), notices: true)
            .CarryOutAsync(_key, original, QuarantineVerdict(original), AuditActor.Scanner, CancellationToken.None);
        var failed = Assert.Single(Entries("notice"));
        await Actions(notices: true).CarryOutAsync(_key, original, QuarantineVerdict(original), AuditActor.Scanner, CancellationToken.None);

        Assert.Equal(MessageAction.Quarantine, done);
        Assert.Equal(AuditState.Failed, failed.State);
        var (id, _) = Assert.Single(_mailbox.Notices);
        var entry = Assert.Single(Entries("notice"));
        Assert.Equal((failed.Id, AuditState.Completed, id), (entry.Id, entry.State, entry.ResultMessageId));
    }

    [Fact]
    public async Task CarryOut_KeepsTheQuarantine_AndRecordsTheNoticeFailed_WhenGraphRefusesTheNotice()
    {
        var original = _mailbox.Deliver(Message());
        _mailbox.BeforeNoticeCreate = () => throw new HttpRequestException("503 from Graph");

        var done = await Actions(notices: true).CarryOutAsync(_key, original, QuarantineVerdict(original), AuditActor.Scanner, CancellationToken.None);

        Assert.Equal(MessageAction.Quarantine, done);
        AssertQuarantineCompleted();
        Assert.Empty(_mailbox.Notices);
        Assert.Equal(AuditState.Failed, Assert.Single(Entries("notice")).State);
    }

    [Fact]
    public async Task Release_OfAQuarantine_RemovesItsNotice()
    {
        var original = _mailbox.Deliver(Message());
        await Actions(notices: true).CarryOutAsync(_key, original, QuarantineVerdict(original), AuditActor.Scanner, CancellationToken.None);
        var quarantine = AssertQuarantineCompleted();

        await Actions(notices: true).ReleaseAsync(quarantine.Id, "admin@contoso.example", CancellationToken.None);

        Assert.Empty(_mailbox.Notices);
        Assert.Equal(MessageId, Assert.Single(_mailbox.In(InMemoryMailbox.Inbox)).Message.InternetMessageId);
        Assert.Equal(AuditState.Released, Assert.Single(Entries("notice")).State);
    }

    [Fact]
    public async Task Release_RemovesANoticeWhoseCreationWasNeverRecorded()
    {
        var original = _mailbox.Deliver(Message());
        await Actions(ActionsStoppingBeforeFaults("record-notice"), notices: true)
            .CarryOutAsync(_key, original, QuarantineVerdict(original), AuditActor.Scanner, CancellationToken.None);
        Assert.Single(_mailbox.Notices);

        await Actions(notices: true).ReleaseAsync(AssertQuarantineCompleted().Id, "admin@contoso.example", CancellationToken.None);

        Assert.Empty(_mailbox.Notices);
        Assert.Equal(AuditState.Released, Assert.Single(Entries("notice")).State);
    }

    private List<AuditEntry> Entries(string action) => [.. _audit.Query(Tenant, User, limit: 1000).Where(e => StableName.Of(e.Action) == action)];

    private MessageActions ActionsStoppingBefore(string step) => Actions(ActionsStoppingBeforeFaults(step));

    private static ActionFaults ActionsStoppingBeforeFaults(string step) =>
        new() { BeforeStep = s => { if (s == step) throw new HostStopped(step); } };

    /// <summary>A fresh instance over the same mailbox and stores, the way a restarted host would build one.</summary>
    private MessageActions Actions(ActionFaults? faults = null, bool notices = false)
    {
        faults ??= new ActionFaults();
        var options = Options.Create(new ScannerHostOptions { PublicBaseUrl = "https://scanner.contoso.example" });
        var tokens = new BlockedLinkTokens(options, NullLogger<BlockedLinkTokens>.Instance);
        var policies = new TenantPolicies(new InMemoryPolicyStore(), Options.Create(new PolicyOptions { HeldMessageNotice = notices }), TimeProvider.System);
        return new MessageActions(_mailbox, _audit, new LinkRewriter(), tokens,
            new MessageLeases(_leases, faults, TimeProvider.System, NullLogger<MessageLeases>.Instance),
            new HeldMessageNotices(_mailbox, _mailbox, _audit, policies, tokens, options, faults, TimeProvider.System, NullLogger<HeldMessageNotices>.Instance),
            faults, TimeProvider.System, NullLogger<MessageActions>.Instance);
    }

    private static EmailMessage Message() => new()
    {
        InternetMessageId = MessageId,
        From = new EmailAddress("it-support@sender.example"),
        To = [new EmailAddress(User)],
        Subject = "Password expires today",
        HtmlBody = $"<p>Reset it <a href=\"{Evil}\">here</a> or read <a href=\"https://contoso.example/policy\">the policy</a>.</p>",
    };

    /// <summary>An enforced quarantine of the message for its first link, as the scorer would plan it.</summary>
    private static ScanVerdict QuarantineVerdict(FetchedMessage message) => RewriteVerdict(message) is var v
        ? v with { Plan = v.Plan with { Action = MessageAction.Quarantine, Explanation = "score 90 is over the quarantine threshold" } }
        : throw new InvalidOperationException();

    /// <summary>An enforced rewrite of the message's first link, as the scorer would plan it.</summary>
    private static ScanVerdict RewriteVerdict(FetchedMessage message)
    {
        var extraction = new MessageLinkExtractor().Extract(message.Message);
        var evil = extraction.Links.First(l => l.Url == Evil);
        var history = new MessageHistory(new SenderHistory(null, null, null, null, null, null, false, null, null),
            new Dictionary<string, LinkHistory>());
        var score = new MessageScore(90, [new LinkVerdict(evil, 90, [])], []);
        return new ScanVerdict(message.Message, extraction, history, score,
            new ActionPlan(MessageAction.Rewrite, [evil], "score 90 is over the rewrite threshold", Enforced: true));
    }
}
