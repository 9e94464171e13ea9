using System.Text.Json;
using M365Scanner.GraphEmulator.Faults;
using LifecycleEvent = M365Scanner.GraphEmulator.Subscriptions.LifecycleEvent;
using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Messages.Item.Move;

namespace M365Scanner.GraphEmulator.Tests.Notifications;

public sealed class SubscriptionTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private NotificationReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await NotificationReceiver.StartAsync();
    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private Task<Subscription?> Subscribe(string userId, string resource = "mailFolders('inbox')/messages", string changeType = "created",
        DateTimeOffset? expires = null, bool lifecycle = true) =>
        f.Graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = changeType,
            NotificationUrl = _receiver.NotificationUrl.ToString(),
            LifecycleNotificationUrl = lifecycle ? _receiver.LifecycleUrl.ToString() : null,
            Resource = $"users/{userId}/{resource}",
            ExpirationDateTime = expires ?? DateTimeOffset.UtcNow.AddHours(1),
            ClientState = "client-secret-state",
        });

    private Task Drained() => Eventually.TrueAsync(() => f.Emulator.Control.PendingNotifications == 0, because: "notifications drained");

    [Fact]
    public async Task DeliveredMessage_ProducesExactlyOneNotification_WithClientState()
    {
        var user = f.NewUser();
        var subscription = await Subscribe(user.Id);
        Assert.True(_receiver.Validations >= 2, "notification and lifecycle URLs are validated before the subscription exists");

        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("notify me"));
        await Eventually.TrueAsync(() => _receiver.Notifications.Any());
        await Drained();

        var n = Assert.Single(_receiver.Notifications);
        Assert.Equal(subscription!.Id, n.GetProperty("subscriptionId").GetString());
        Assert.Equal("client-secret-state", n.GetProperty("clientState").GetString());
        Assert.Equal("created", n.GetProperty("changeType").GetString());
        Assert.Equal($"Users/{user.Id}/Messages/{id}", n.GetProperty("resource").GetString());
        Assert.Equal(id, n.GetProperty("resourceData").GetProperty("id").GetString());
        Assert.Equal("#Microsoft.Graph.Message", n.GetProperty("resourceData").GetProperty("@odata.type").GetString());
        Assert.Equal(f.Tenant.Id, n.GetProperty("tenantId").GetString());
        var fetched = await f.Graph.Users[user.Id].Messages[n.GetProperty("resourceData").GetProperty("id").GetString()].GetAsync();
        Assert.Equal("notify me", fetched!.Subject);
    }

    [Fact]
    public async Task Create_Fails_WhenValidationAnsweredAsJson()
    {
        var user = f.NewUser();
        _receiver.AnswerValidationWrongly = true;

        var e = await Assert.ThrowsAsync<ODataError>(() => Subscribe(user.Id));

        Assert.Equal(400, e.ResponseStatusCode);
        Assert.Equal("ValidationError", e.Error!.Code);
        Assert.Empty(f.Emulator.Control.Subscriptions.Where(s => s.Resource.Contains(user.Id)));
    }

    [Fact]
    public async Task Create_Fails_WhenExpirationBeyondMessageMaximum()
    {
        var user = f.NewUser();

        var e = await Assert.ThrowsAsync<ODataError>(() => Subscribe(user.Id, expires: DateTimeOffset.UtcNow.AddMinutes(10_081)));

        Assert.Equal(400, e.ResponseStatusCode);
        Assert.Contains("10080", e.Error!.Message);
    }

    [Fact]
    public async Task Renew_ExtendsExpiry_AndDelete_StopsNotifications()
    {
        var user = f.NewUser();
        var subscription = await Subscribe(user.Id);
        var later = DateTimeOffset.UtcNow.AddDays(2);

        var renewed = await f.Graph.Subscriptions[subscription!.Id].PatchAsync(new Subscription { ExpirationDateTime = later });
        await f.Graph.Subscriptions[subscription.Id].DeleteAsync();
        f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("nobody listens"));
        await Drained();

        Assert.True(renewed!.ExpirationDateTime > DateTimeOffset.UtcNow.AddDays(1));
        Assert.Empty(_receiver.Notifications);
    }

    [Fact]
    public async Task MoveOutOfSubscribedFolder_NotifiesDeleted()
    {
        var user = f.NewUser();
        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("will move"));
        await Subscribe(user.Id, changeType: "created,updated,deleted");

        await f.Graph.Users[user.Id].Messages[id].Move.PostAsync(new MovePostRequestBody { DestinationId = "archive" });
        await Eventually.TrueAsync(() => _receiver.Notifications.Any());
        await Drained();

        var n = Assert.Single(_receiver.Notifications);
        Assert.Equal("deleted", n.GetProperty("changeType").GetString());
        Assert.Equal(id, n.GetProperty("resourceData").GetProperty("id").GetString());
    }

    [Fact]
    public async Task MailboxWideSubscription_SeesCreatedInAnyFolder_AndUpdates()
    {
        var user = f.NewUser();
        await Subscribe(user.Id, resource: "messages", changeType: "created,updated");

        var id = f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("archived"), folder: "archive");
        await f.Graph.Users[user.Id].Messages[id].PatchAsync(new Message { IsRead = true });
        await Eventually.TrueAsync(() => _receiver.Notifications.Count() == 2);
        await Drained();

        // Graph does not promise order across POSTs, so only the set is checked.
        Assert.Equal(["created", "updated"], _receiver.Notifications.Select(n => n.GetProperty("changeType").GetString()).Order());
    }

    [Fact]
    public async Task ChangesCloseTogether_AreBatchedIntoValueArrays()
    {
        var user = f.NewUser();
        await Subscribe(user.Id);

        for (var i = 0; i < 20; i++) f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message($"b{i}"));
        await Eventually.TrueAsync(() => _receiver.Notifications.Count() == 20);
        await Drained();

        Assert.True(_receiver.Batches.Count < 20, $"expected batching, got {_receiver.Batches.Count} POSTs");
        Assert.Equal(20, _receiver.Notifications.Select(n => n.GetProperty("resourceData").GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task FailingEndpoint_IsRetriedWithBackoff_UntilItAccepts()
    {
        var user = f.NewUser();
        await Subscribe(user.Id);
        _receiver.FailNext(2);

        f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("retry me"));
        await Eventually.TrueAsync(() => _receiver.Notifications.Any());
        await Drained();

        Assert.Single(_receiver.Notifications);
        Assert.Equal(3, _receiver.Attempts);
        Assert.Contains(f.Emulator.Control.NotificationDeliveries, d => d.Url == _receiver.NotificationUrl && d.Delivered && d.Attempts == 3);
    }

    [Fact]
    public async Task EndpointThatKeepsFailing_IsGivenUpAfterBoundedTime()
    {
        var user = f.NewUser();
        await Subscribe(user.Id);
        _receiver.FailNext(int.MaxValue);

        f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("lost"));
        await Eventually.TrueAsync(() => f.Emulator.Control.NotificationDeliveries.Any(d => d.Url == _receiver.NotificationUrl && !d.Delivered),
            TimeSpan.FromSeconds(20));

        Assert.Empty(_receiver.Notifications);
        Assert.True(_receiver.Attempts >= 3);
        await Eventually.TrueAsync(() => !_receiver.Lifecycle.IsEmpty);
        Assert.Equal("missed", Assert.Single(_receiver.Lifecycle).GetProperty("lifecycleEvent").GetString());
    }

    [Fact]
    public async Task InjectedFaults_DropAndDuplicateNotifications()
    {
        var user = f.NewUser();
        await Subscribe(user.Id);
        f.Emulator.Control.InjectFault(new FaultRule { Kind = FaultKind.DropNotification, Pattern = "/notify$", Times = 1 });

        f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("dropped"));
        await Drained();
        f.Emulator.Control.InjectFault(new FaultRule { Kind = FaultKind.DuplicateNotification, Pattern = "/notify$", Times = 1 });
        f.Emulator.Control.Deliver(f.Tenant.Id, user.Id, Mime.Message("twice"));
        await Eventually.TrueAsync(() => _receiver.Notifications.Count() == 2);
        await Drained();

        Assert.Equal(2, _receiver.Notifications.Count());
        Assert.Single(_receiver.Notifications.Select(n => n.GetProperty("resourceData").GetProperty("id").GetString()).Distinct());
        Assert.Equal("missed", Assert.Single(_receiver.Lifecycle).GetProperty("lifecycleEvent").GetString());
    }

    [Theory]
    [InlineData(LifecycleEvent.ReauthorizationRequired, "reauthorizationRequired")]
    [InlineData(LifecycleEvent.Missed, "missed")]
    [InlineData(LifecycleEvent.SubscriptionRemoved, "subscriptionRemoved")]
    public async Task LifecycleNotification_IsSentToLifecycleUrl(LifecycleEvent lifecycleEvent, string expected)
    {
        var user = f.NewUser();
        var subscription = await Subscribe(user.Id);

        Assert.True(f.Emulator.Control.SendLifecycleNotification(subscription!.Id, lifecycleEvent));
        await Eventually.TrueAsync(() => !_receiver.Lifecycle.IsEmpty);

        var n = Assert.Single(_receiver.Lifecycle);
        Assert.Equal(expected, n.GetProperty("lifecycleEvent").GetString());
        Assert.Equal(subscription.Id, n.GetProperty("subscriptionId").GetString());
        Assert.Equal("client-secret-state", n.GetProperty("clientState").GetString());
        var stillThere = f.Emulator.Control.Subscriptions.Any(s => s.Id == subscription.Id);
        Assert.Equal(lifecycleEvent != LifecycleEvent.SubscriptionRemoved, stillThere);
    }

    [Fact]
    public async Task ExpiredSubscription_IsRemoved_WithSubscriptionRemovedLifecycleNotification()
    {
        var user = f.NewUser();
        var subscription = await Subscribe(user.Id, expires: DateTimeOffset.UtcNow.AddSeconds(2));

        await Eventually.TrueAsync(() => _receiver.Lifecycle.Any(), TimeSpan.FromSeconds(10));

        Assert.Equal("subscriptionRemoved", Assert.Single(_receiver.Lifecycle).GetProperty("lifecycleEvent").GetString());
        var e = await Assert.ThrowsAsync<ODataError>(() => f.Graph.Subscriptions[subscription!.Id].GetAsync());
        Assert.Equal(404, e.ResponseStatusCode);
    }
}
