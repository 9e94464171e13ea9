using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Tests.Operations;

/// <summary>What every <see cref="IReleaseRequestStore"/> must do. A provider's test class says only how to open a
/// fresh store.</summary>
public abstract class ReleaseRequestStoreContract : StoreContract
{
    protected static readonly MessageKey Key = new("tenant-a", "bob@tenant.example", "m1@partner.example");
    protected static readonly MessageKey Other = new("tenant-a", "bob@tenant.example", "m2@partner.example");

    /// <summary>A new, empty store.</summary>
    protected abstract IReleaseRequestStore CreateStore();

    private static ReleaseRequest Request(MessageKey key, string id, DateTimeOffset at, string? note = "I expected this invoice") =>
        new(id, key, key.Mailbox, at, note);

    [SkippableFact]
    public void File_KeepsEveryField_WhenTheMessageHasNoOpenRequest()
    {
        var store = CreateStore();
        var request = Request(Key, "r1", T0);

        var (kept, filed) = store.File(request);

        Assert.True(filed);
        Assert.Equal(request, kept);
        Assert.Equal(request, store.Get("r1"));
        Assert.Equal(request, store.Latest(Key));
    }

    [SkippableFact]
    public void File_ReturnsTheOpenRequestAndFilesNothing_WhenTheMessageHasOne()
    {
        var store = CreateStore();
        var first = Request(Key, "r1", T0);
        store.File(first);

        var (kept, filed) = store.File(Request(Key, "r2", T0.AddMinutes(1), note: null));

        Assert.False(filed);
        Assert.Equal(first, kept);
        Assert.Null(store.Get("r2"));
        Assert.Single(store.Open(10));
    }

    [SkippableFact]
    public void File_FilesANewRequest_WhenTheEarlierOneWasDecided()
    {
        var store = CreateStore();
        store.File(Request(Key, "r1", T0));
        store.Decide("r1", ReleaseRequestState.Denied, "analyst@tenant.example", T0.AddMinutes(5), "a known phish");

        var (kept, filed) = store.File(Request(Key, "r2", T0.AddMinutes(10)));

        Assert.True(filed);
        Assert.Equal("r2", kept.Id);
        Assert.Equal("r2", store.Latest(Key)!.Id);
    }

    [SkippableFact]
    public void Decide_RecordsTheDecisionOnce_WhenTwoAnalystsAnswer()
    {
        var store = CreateStore();
        store.File(Request(Key, "r1", T0));

        var first = store.Decide("r1", ReleaseRequestState.Denied, "analyst@tenant.example", T0.AddMinutes(5), "a known phish");
        var second = store.Decide("r1", ReleaseRequestState.Released, "admin@tenant.example", T0.AddMinutes(6), null);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(Request(Key, "r1", T0) with
        {
            State = ReleaseRequestState.Denied, DecidedBy = "analyst@tenant.example", DecidedAt = T0.AddMinutes(5), DecisionReason = "a known phish",
        }, store.Get("r1"));
        Assert.Empty(store.Open(10));
    }

    [SkippableFact]
    public void Decide_ChangesNothing_WhenTheRequestIsUnknown()
    {
        var store = CreateStore();

        Assert.False(store.Decide("nope", ReleaseRequestState.Released, "analyst@tenant.example", T0, null));
    }

    [SkippableFact]
    public void Open_ListsOpenRequestsOldestFirst_UpToTheLimit()
    {
        var store = CreateStore();
        store.File(Request(Key, "r1", T0));
        store.File(Request(Other, "r2", T0.AddMinutes(1)));
        store.File(Request(Key with { MessageId = "m3@partner.example" }, "r3", T0.AddMinutes(2)));
        store.Decide("r2", ReleaseRequestState.Released, "analyst@tenant.example", T0.AddMinutes(3), null);

        Assert.Equal(["r1", "r3"], store.Open(10).Select(r => r.Id));
        Assert.Equal(["r1"], store.Open(1).Select(r => r.Id));
    }

    [SkippableFact]
    public void DeleteTenant_DeletesItsRequestsOnly()
    {
        var store = CreateStore();
        store.File(Request(Key, "r1", T0));
        store.File(Request(Other, "r2", T0));
        store.Decide("r2", ReleaseRequestState.Denied, "analyst@tenant.example", T0, "no");
        store.File(Request(Key with { TenantId = "tenant-b" }, "r3", T0));

        Assert.Equal(2, store.DeleteTenant("tenant-a"));

        Assert.Equal(["r3"], store.Open(10).Select(r => r.Id));
        Assert.Null(store.Get("r2"));
    }

    [SkippableFact]
    public void Latest_IsNull_WhenNoRequestWasFiled()
    {
        var store = CreateStore();
        store.File(Request(Other, "r1", T0));

        Assert.Null(store.Latest(Key));
        Assert.Null(store.Get("r9"));
    }
}
