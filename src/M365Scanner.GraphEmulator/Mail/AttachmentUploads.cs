using System.Collections.Concurrent;
using System.Security.Cryptography;
using M365Scanner.GraphEmulator.Directory;

namespace M365Scanner.GraphEmulator.Mail;

/// <summary>The open upload sessions, by id. A session's upload URL carries its own random token in place of a bearer
/// token (Graph's is pre-authenticated for outlook.office.com), so the PUTs are authorised by the URL alone.</summary>
internal sealed class AttachmentUploads(TimeProvider time)
{
    // Graph's sessions last about a day; nothing here depends on the exact span.
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<string, AttachmentUpload> _sessions = new(StringComparer.Ordinal);

    public AttachmentUpload Open(string appId, EmulatedUser user, string messageId, string name, string contentType, bool isInline, string? contentId, long size)
    {
        var session = new AttachmentUpload(GraphIds.NewAttachmentId(), Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            appId, user, messageId, name, contentType, isInline, contentId, size, time.GetUtcNow() + Lifetime);
        _sessions[session.Id] = session;
        return session;
    }

    /// <summary>The session <paramref name="id"/> when <paramref name="authToken"/> is its token and it has not expired.</summary>
    public AttachmentUpload? Find(string id, string? authToken)
    {
        if (!_sessions.TryGetValue(id, out var session)) return null;
        if (session.Expires <= time.GetUtcNow())
        {
            _sessions.TryRemove(id, out _);
            return null;
        }
        var matches = authToken is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(authToken), System.Text.Encoding.ASCII.GetBytes(session.AuthToken));
        return matches ? session : null;
    }

    public void Close(string id) => _sessions.TryRemove(id, out _);
}
