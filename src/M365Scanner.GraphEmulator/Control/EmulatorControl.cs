using System.Security.Cryptography.X509Certificates;
using M365Scanner.GraphEmulator.Directory;
using M365Scanner.GraphEmulator.Faults;
using M365Scanner.GraphEmulator.Identity;
using M365Scanner.GraphEmulator.Mail;
using M365Scanner.GraphEmulator.Subscriptions;

namespace M365Scanner.GraphEmulator.Control;

/// <summary>The emulator's control surface for tests and the demo (also served over HTTP under /_emulator).
/// None of this exists in Graph: it is how a test sets up tenants and mail and provokes faults.</summary>
public sealed class EmulatorControl
{
    private readonly TenantDirectory _directory;
    private readonly TokenService _tokens;
    private readonly SubscriptionStore _subscriptions;
    private readonly NotificationDispatcher _dispatcher;
    private readonly FaultInjector _faults;
    private readonly OutlookThrottle _throttle;
    private readonly RequestLog _requests;
    private readonly TimeProvider _time;

    internal EmulatorControl(TenantDirectory directory, TokenService tokens, SubscriptionStore subscriptions, NotificationDispatcher dispatcher,
        FaultInjector faults, OutlookThrottle throttle, RequestLog requests, TimeProvider time)
    {
        _directory = directory;
        _tokens = tokens;
        _subscriptions = subscriptions;
        _dispatcher = dispatcher;
        _faults = faults;
        _throttle = throttle;
        _requests = requests;
        _time = time;
    }

    // ---- directory ----

    /// <summary>Creates a tenant (a new GUID id unless given).</summary>
    /// <exception cref="InvalidOperationException">The tenant id already exists.</exception>
    public Tenant CreateTenant(string? tenantId = null, string domain = "contoso.onmicrosoft.com") =>
        _directory.Add(tenantId ?? Guid.NewGuid().ToString(), domain);

    public Tenant GetTenant(string tenantId) => _directory.Get(tenantId);

    /// <summary>Registers an app with a secret and/or a certificate (public part is enough). <paramref name="grantedRoles"/>
    /// are in tokens from the start; <paramref name="requestedRoles"/> are granted by the admin-consent page.</summary>
    public AppRegistration RegisterApp(string tenantId, string? clientId = null, string? secret = null, X509Certificate2? certificate = null,
        IEnumerable<string>? grantedRoles = null, IEnumerable<string>? requestedRoles = null, IEnumerable<string>? redirectUris = null)
    {
        var app = new AppRegistration(clientId ?? Guid.NewGuid().ToString(), secret, certificate,
            requestedRoles ?? grantedRoles ?? [], grantedRoles ?? [], redirectUris ?? []);
        if (!_directory.Get(tenantId).Apps.TryAdd(app.ClientId, app))
            throw new InvalidOperationException($"App {app.ClientId} already exists in tenant {tenantId}.");
        return app;
    }

    /// <summary>Makes the admin-consent page refuse (error such as "access_denied") or grant again (null).</summary>
    public void SetConsentError(string tenantId, string? error) => _directory.Get(tenantId).ConsentError = error;

    /// <summary>Adds a user with a mailbox that has Graph's well-known folders.</summary>
    public EmulatedUser AddUser(string tenantId, string userPrincipalName, string? displayName = null, string? userId = null)
    {
        var tenant = _directory.Get(tenantId);
        var id = userId ?? Guid.NewGuid().ToString();
        var user = new EmulatedUser(tenant.Id, id, userPrincipalName, displayName ?? userPrincipalName.Split('@')[0],
            new Mailbox(tenant.Id, id, _time, _subscriptions.Publish));
        if (!tenant.TryAdd(user))
            throw new InvalidOperationException($"User {userPrincipalName} already exists in tenant {tenantId}.");
        return user;
    }

    /// <summary>Adds a user who can sign in at the authorize endpoint with <paramref name="password"/> and holds
    /// <paramref name="appRoles"/> (e.g. Analyst) for the app <paramref name="clientId"/>, as an Entra app-role assignment.</summary>
    /// <exception cref="KeyNotFoundException">The tenant or the app does not exist.</exception>
    public EmulatedUser AddSignInUser(string tenantId, string userPrincipalName, string password, string clientId,
        IEnumerable<string> appRoles, string? displayName = null, string? userId = null)
    {
        if (!_directory.Get(tenantId).Apps.ContainsKey(clientId))
            throw new KeyNotFoundException($"No app {clientId} in tenant {tenantId}.");
        var user = AddUser(tenantId, userPrincipalName, displayName, userId);
        user.SetPassword(password);
        user.AssignAppRoles(clientId, appRoles);
        return user;
    }

    /// <summary>Adds app roles of the app <paramref name="clientId"/> to an existing user (roles already held stay).</summary>
    public void AssignAppRoles(string tenantId, string userIdOrUpn, string clientId, IEnumerable<string> appRoles)
    {
        if (!_directory.Get(tenantId).Apps.ContainsKey(clientId))
            throw new KeyNotFoundException($"No app {clientId} in tenant {tenantId}.");
        GetUser(tenantId, userIdOrUpn).AssignAppRoles(clientId, appRoles);
    }

    /// <summary>Sets (or replaces) the password with which a user signs in at the authorize endpoint.</summary>
    public void SetPassword(string tenantId, string userIdOrUpn, string password) => GetUser(tenantId, userIdOrUpn).SetPassword(password);

    public EmulatedUser GetUser(string tenantId, string userIdOrUpn) =>
        _directory.Get(tenantId).FindUser(userIdOrUpn) ?? throw new KeyNotFoundException($"No user {userIdOrUpn} in tenant {tenantId}.");

    /// <summary>Issues an access token directly, e.g. an expired one (negative lifetime) or one without a role.</summary>
    public string IssueAccessToken(string tenantId, string appId, IEnumerable<string> roles, TimeSpan? lifetime = null) =>
        _tokens.Issue(tenantId, appId, roles, lifetime);

    // ---- mail ----

    /// <summary>Delivers a MIME message to a folder (Inbox by default) as transport would: received now, not a draft,
    /// change notifications fire. Returns the new message id.</summary>
    /// <param name="extendedProperties">Extended properties (Graph id to value) the message arrives with, as Exchange
    /// may promote a sender's TNEF (winmail.dat) named properties onto the delivered item.</param>
    public string Deliver(string tenantId, string userIdOrUpn, byte[] mime, string folder = "inbox", DateTimeOffset? receivedAt = null,
        IReadOnlyDictionary<string, string>? extendedProperties = null)
    {
        var mailbox = GetUser(tenantId, userIdOrUpn).Mailbox;
        var template = MimeImporter.Import(mime, receivedAt ?? _time.GetUtcNow(), _time.GetUtcNow());
        if (extendedProperties is not null)
            template = template with
            {
                ExtendedProperties = [.. template.ExtendedProperties.Where(p => !extendedProperties.ContainsKey(p.Id)),
                    .. extendedProperties.Select(p => new ExtendedProperty(p.Key, p.Value))],
            };
        return mailbox.Add(folder, template).Id;
    }

    /// <summary>Loads every file of a folder (e.g. shared/data/enron/allen-p/inbox) as messages, keeping each
    /// message's Date header as its received time. Files that are not MIME are skipped. Returns how many loaded.</summary>
    /// <param name="spreadOverLast">When given, old mail is made recent: the received times are mapped linearly from
    /// the folder's date range onto the period of this length ending now, so order and relative spacing are kept (sent
    /// times move with them; the MIME and its Date header are not changed). The range is the 1st to 99th percentile of the dates, and the few
    /// messages outside it (spam with dates in 1980 or 2030) are clamped to its ends, so they do not squash the rest.</param>
    public int LoadEml(string tenantId, string userIdOrUpn, string directory, string folder = "inbox", TimeSpan? spreadOverLast = null)
    {
        var mailbox = GetUser(tenantId, userIdOrUpn).Mailbox;
        var now = _time.GetUtcNow();
        var templates = new List<StoredMessage>();
        foreach (var file in System.IO.Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            try { templates.Add(MimeImporter.Import(File.ReadAllBytes(file), null, now)); }
            catch (FormatException) { }
        }
        if (spreadOverLast is { } period)
            templates = ReceivedDates.SpreadOver(templates, now - period, now);
        foreach (var template in templates)
            mailbox.Add(folder, template);
        return templates.Count;
    }

    /// <summary>Makes Graph report <paramref name="declaredSize"/> as the size of a message's attachment (by file name)
    /// while its content stays as delivered: a service whose metadata cannot be trusted, for clients that cap what they
    /// download by the declared size.</summary>
    /// <exception cref="KeyNotFoundException">The message has no attachment of that name.</exception>
    public void MisstateAttachmentSize(string tenantId, string userIdOrUpn, string messageId, string attachmentName, long declaredSize) =>
        GetUser(tenantId, userIdOrUpn).Mailbox.Update(messageId, m =>
        {
            var attachment = m.Attachments.FirstOrDefault(a => a.Name == attachmentName)
                ?? throw new KeyNotFoundException($"Message {messageId} has no attachment named {attachmentName}.");
            return m with { Attachments = m.Attachments.Replace(attachment, attachment with { DeclaredSize = declaredSize }) };
        });

    /// <summary>Creates a folder (under the root unless a parent id or well-known name is given).</summary>
    public FolderSnapshot CreateFolder(string tenantId, string userIdOrUpn, string displayName, string? parent = null) =>
        GetUser(tenantId, userIdOrUpn).Mailbox.CreateFolder(parent, displayName);

    public IReadOnlyList<FolderSnapshot> GetFolders(string tenantId, string userIdOrUpn) =>
        GetUser(tenantId, userIdOrUpn).Mailbox.AllFolders();

    /// <summary>Messages of one folder (or all when null) with their MIME, oldest received first.</summary>
    public IReadOnlyList<SeededMessage> GetMessages(string tenantId, string userIdOrUpn, string? folder = null) =>
        GetUser(tenantId, userIdOrUpn).Mailbox.List(folder)
            .OrderBy(m => m.ReceivedDateTime).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => new SeededMessage(m.Id, m.FolderId, m.Subject, m.InternetMessageId, m.IsDraft, m.IsRead, m.ReceivedDateTime, MimeExporter.Export(m)))
            .ToArray();

    // ---- subscriptions ----

    public IReadOnlyList<Subscription> Subscriptions => _subscriptions.All.ToArray();

    /// <summary>Sends a lifecycle notification now (subscriptionRemoved also deletes the subscription).</summary>
    public bool SendLifecycleNotification(string subscriptionId, LifecycleEvent lifecycleEvent) =>
        _subscriptions.SendLifecycle(subscriptionId, lifecycleEvent);

    /// <summary>Notifications still queued or being retried.</summary>
    public int PendingNotifications => _dispatcher.Pending;

    public IReadOnlyList<DeliveryRecord> NotificationDeliveries => _dispatcher.Deliveries;

    // ---- faults, throttling, observation ----

    public Guid InjectFault(FaultRule rule) => _faults.Add(rule);

    public void RemoveFault(Guid id) => _faults.Remove(id);

    public void ClearFaults() => _faults.Clear();

    /// <summary>Replaces the throttling settings (e.g. enable with a small budget for a test).</summary>
    public void SetThrottling(ThrottlingOptions options)
    {
        _throttle.Options = options;
        _throttle.Reset();
    }

    public IReadOnlyList<LoggedRequest> Requests => _requests.Snapshot();

    public void ClearRequests() => _requests.Clear();
}
