using System.Text.Json;
using M365Scanner.GraphEmulator.Subscriptions;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>Writes a subscription as Graph does.</summary>
internal static class SubscriptionJson
{
    public static void Write(Utf8JsonWriter w, Subscription s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("resource", s.Resource);
        w.WriteString("applicationId", s.AppId);
        w.WriteString("changeType", string.Join(",", s.ChangeTypes));
        w.WriteString("clientState", s.ClientState);
        w.WriteString("notificationUrl", s.NotificationUrl.ToString());
        w.WriteString("lifecycleNotificationUrl", s.LifecycleNotificationUrl?.ToString());
        w.WriteString("expirationDateTime", s.ExpirationDateTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'"));
        w.WriteString("creatorId", s.AppId);
        w.WriteBoolean("includeResourceData", false);
        w.WriteString("latestSupportedTlsVersion", "v1_2");
        w.WriteNull("encryptionCertificate");
        w.WriteNull("encryptionCertificateId");
        w.WriteNull("notificationQueryOptions");
        w.WriteNull("notificationUrlAppId");
        w.WriteEndObject();
    }
}
