namespace M365Scanner.GraphEmulator.Faults;

/// <summary>How many body bytes a response carried, for the request log. JSON answers are streamed without a
/// Content-Length, so their writer records what it committed; binary answers ($value) declare their length.</summary>
internal static class ResponseSize
{
    private const string Key = "emulator.response-bytes";

    public static void Record(HttpContext context, long bytes) => context.Items[Key] = bytes;

    public static long Of(HttpContext context) =>
        context.Items.TryGetValue(Key, out var bytes) && bytes is long written ? written : context.Response.ContentLength ?? 0;
}
