using M365Scanner.GraphEmulator.Apis;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.GraphEmulator.Directory;
using M365Scanner.GraphEmulator.Faults;
using M365Scanner.GraphEmulator.Graph;
using M365Scanner.GraphEmulator.Identity;
using M365Scanner.GraphEmulator.Mail;
using M365Scanner.GraphEmulator.Subscriptions;
using M365Scanner.GraphEmulator.Tls;
using Microsoft.Extensions.Options;

namespace M365Scanner.GraphEmulator.Extensions;

/// <summary>Registration and pipeline of the emulator, so that <see cref="EmulatorHost"/> stays a table of contents.</summary>
internal static class EmulatorServiceExtensions
{
    public static IServiceCollection AddGraphEmulator(this IServiceCollection services, EmulatorOptions options, PinnedCertificate serverCertificate)
    {
        services.AddSingleton(serverCertificate);
        services.AddSingleton<SelfClient>();
        services.AddOptions<EmulatorOptions>()
            .Configure(o => Copy(options, o))
            .ValidateDataAnnotations()
            .Validate(o => new[] { (object)o.Notifications, o.Throttling }.All(Valid), "Nested emulator options are invalid.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EmulatorOptions>>().Value);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<AuthorizationCodes>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<RequestLog>();
        services.AddSingleton(sp => new OutlookThrottle(sp.GetRequiredService<EmulatorOptions>().Throttling, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<ValidationHandshake>();
        services.AddSingleton<GraphAuthFilter>();
        services.AddSingleton<AttachmentUploads>();
        services.AddSingleton<EmulatorControl>(sp => new EmulatorControl(
            sp.GetRequiredService<TenantDirectory>(), sp.GetRequiredService<TokenService>(), sp.GetRequiredService<SubscriptionStore>(),
            sp.GetRequiredService<NotificationDispatcher>(), sp.GetRequiredService<FaultInjector>(), sp.GetRequiredService<OutlookThrottle>(),
            sp.GetRequiredService<RequestLog>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<SubscriptionExpiry>();
        return services;
    }

    public static WebApplication MapGraphEmulator(this WebApplication app)
    {
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<GraphErrorMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();

        app.MapIdentityApi();
        app.MapAuthorizeApi();
        app.MapControlApi();
        foreach (var version in new[] { "v1.0", "beta" })
        {
            var graph = app.MapGroup("/" + version).AddEndpointFilter<GraphAuthFilter>();
            graph.MapUsersApi().MapMailFoldersApi().MapDeltaApi().MapMessagesApi().MapAttachmentsApi().MapSubscriptionsApi().MapBatchApi();
            graph.MapUploadSessionsApi();
            if (version == "beta") graph.MapImportMimeApi();
        }
        app.MapUploadRangesApi();
        app.MapFallback(Unknown);
        return app;
    }

    /// <summary>Graph answers an unknown segment with 400 BadRequest; the route is logged to show what a client needs.</summary>
    private static GraphError Unknown(HttpContext context, ILogger<EmulatorHost> log)
    {
        log.LogWarning("No emulator route for {Method} {Path}{Query}", context.Request.Method, context.Request.Path, context.Request.QueryString);
        var segment = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return new GraphError(400, "BadRequest", $"Resource not found for the segment '{segment}'.");
    }

    private static bool Valid(object o) =>
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(o, new(o), null, validateAllProperties: true);

    private static void Copy(EmulatorOptions from, EmulatorOptions to)
    {
        to.Port = from.Port;
        to.TokenLifetime = from.TokenLifetime;
        to.TokenClockSkew = from.TokenClockSkew;
        to.MaxMessageSubscriptionMinutes = from.MaxMessageSubscriptionMinutes;
        to.ValidationTimeout = from.ValidationTimeout;
        to.AllowHttpLoopbackNotificationUrls = from.AllowHttpLoopbackNotificationUrls;
        to.Notifications = from.Notifications;
        to.Throttling = from.Throttling;
        to.ExpirySweepInterval = from.ExpirySweepInterval;
        to.LogLevel = from.LogLevel;
    }
}
