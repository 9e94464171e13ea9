using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Tests.Operations;

/// <summary>What every <see cref="IAlertOutbox"/> must do. A provider's test class says only how to open a fresh store.</summary>
public abstract class AlertOutboxContract : StoreContract
{
    protected static readonly MessageKey Key = new("tenant-a", "bob@tenant.example", "m1@partner.example");
    protected static readonly MessageKey Other = new("tenant-b", "eve@tenant.example", "m2@partner.example");

    /// <summary>A new, empty store.</summary>
    protected abstract IAlertOutbox CreateStore();

    private static OutboundAlert Alert(string id, MessageKey key, string webhook = "soc", DateTimeOffset? at = null) =>
        OutboundAlert.New(id, webhook, key, $$"""{"alertId":"{{id}}"}""", at ?? T0);

    [SkippableFact]
    public void Enqueue_KeepsEveryField_AndAddsNothingTheSecondTime()
    {
        var store = CreateStore();
        var alert = Alert("a1", Key);

        Assert.True(store.Enqueue(alert));
        Assert.False(store.Enqueue(alert with { Id = "a2", Payload = "{}" }));
        Assert.False(store.Enqueue(Alert("a1", Other)));

        Assert.Equal(alert, store.Get("a1"));
        Assert.Null(store.Get("a2"));
        Assert.Equal([alert], store.Query(null, 10));
    }

    [SkippableFact]
    public void Enqueue_AddsOnePerWebhook_ForTheSameMessage()
    {
        var store = CreateStore();

        Assert.True(store.Enqueue(Alert("a1", Key, "soc")));
        Assert.True(store.Enqueue(Alert("a2", Key, "teams")));

        Assert.Equal(["a2", "a1"], store.Query(AlertState.Pending, 10).Select(a => a.Id));
    }

    [SkippableFact]
    public void Claim_TakesDueAlertsOnce_UntilTheLeaseLapses()
    {
        var store = CreateStore();
        store.Enqueue(Alert("a1", Key));
        store.Enqueue(Alert("later", Other, at: T0.AddMinutes(5)));

        var first = store.Claim("host-1", T0, T0.AddMinutes(1), 10);
        var second = store.Claim("host-2", T0.AddSeconds(30), T0.AddMinutes(2), 10);
        var afterLapse = store.Claim("host-2", T0.AddMinutes(1), T0.AddMinutes(2), 10);

        Assert.Equal(["a1"], first.Select(a => a.Id));
        Assert.Empty(second);
        Assert.Equal(["a1"], afterLapse.Select(a => a.Id));
        Assert.False(store.Record("a1", "host-1", AlertAttemptOutcome.Delivered(1, T0.AddMinutes(1))));
        Assert.True(store.Record("a1", "host-2", AlertAttemptOutcome.Delivered(1, T0.AddMinutes(1))));
    }

    [SkippableFact]
    public void Claim_TakesAtMostTheLimit_OldestDueFirst()
    {
        var store = CreateStore();
        store.Enqueue(Alert("b", Key, at: T0.AddSeconds(2)));
        store.Enqueue(Alert("a", Other, at: T0.AddSeconds(1)));
        store.Enqueue(Alert("c", Key, "teams", at: T0.AddSeconds(3)));

        var claimed = store.Claim("host-1", T0.AddMinutes(1), T0.AddMinutes(2), 2);

        Assert.Equal(["a", "b"], claimed.Select(a => a.Id));
    }

    [SkippableFact]
    public void Record_Retry_KeepsItPending_UntilItsNextAttempt_AndFreesTheLease()
    {
        var store = CreateStore();
        store.Enqueue(Alert("a1", Key));
        store.Claim("host-1", T0, T0.AddMinutes(1), 10);

        Assert.True(store.Record("a1", "host-1", AlertAttemptOutcome.Retry(1, T0.AddSeconds(1), T0.AddSeconds(30), "HTTP 500")));

        var retried = store.Get("a1")!;
        Assert.Equal((AlertState.Pending, 1, T0.AddSeconds(30), "HTTP 500", (DateTimeOffset?)null),
            (retried.State, retried.Attempts, retried.NextAttemptAt, retried.LastError, retried.CompletedAt));
        Assert.Empty(store.Claim("host-2", T0.AddSeconds(29), T0.AddMinutes(2), 10));
        Assert.Single(store.Claim("host-2", T0.AddSeconds(30), T0.AddMinutes(2), 10));
    }

    [SkippableFact]
    public void Record_DeliveredAndFailed_AreFinal_AndKeepTheLastError()
    {
        var store = CreateStore();
        store.Enqueue(Alert("ok", Key));
        store.Enqueue(Alert("bad", Other));
        store.Claim("host-1", T0, T0.AddMinutes(1), 10);
        store.Record("ok", "host-1", AlertAttemptOutcome.Retry(1, T0, T0, "HTTP 503"));
        store.Claim("host-1", T0, T0.AddMinutes(1), 10);

        Assert.True(store.Record("ok", "host-1", AlertAttemptOutcome.Delivered(2, T0.AddSeconds(5))));
        Assert.True(store.Record("bad", "host-1", AlertAttemptOutcome.Failed(1, T0.AddSeconds(6), "HTTP 404: no such hook")));
        Assert.False(store.Record("ok", "host-1", AlertAttemptOutcome.Delivered(3, T0.AddSeconds(7))));

        var ok = store.Get("ok")!;
        var bad = store.Get("bad")!;
        Assert.Equal((AlertState.Delivered, 2, "HTTP 503", (DateTimeOffset?)T0.AddSeconds(5)), (ok.State, ok.Attempts, ok.LastError, ok.CompletedAt));
        Assert.Equal((AlertState.Failed, 1, "HTTP 404: no such hook", (DateTimeOffset?)T0.AddSeconds(6)), (bad.State, bad.Attempts, bad.LastError, bad.CompletedAt));
        Assert.Empty(store.Claim("host-2", T0.AddHours(1), T0.AddHours(2), 10));
        Assert.Equal(["ok"], store.Query(AlertState.Delivered, 10).Select(a => a.Id));
        Assert.Equal(["bad"], store.Query(AlertState.Failed, 10).Select(a => a.Id));
        Assert.Empty(store.Query(AlertState.Pending, 10));
    }

    [SkippableFact]
    public void DeleteTenant_RemovesOnlyThatTenantsAlerts()
    {
        var store = CreateStore();
        store.Enqueue(Alert("a1", Key));
        store.Enqueue(Alert("a2", Key, "teams"));
        store.Enqueue(Alert("b1", Other));

        Assert.Equal(2, store.DeleteTenant("tenant-a"));

        Assert.Equal(["b1"], store.Query(null, 10).Select(a => a.Id));
    }
}
