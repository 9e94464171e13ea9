using System.Text.Json;
using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>Writes a mailFolder as Graph does.</summary>
internal static class FolderJson
{
    public static void Write(Utf8JsonWriter w, FolderSnapshot f)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("displayName", f.DisplayName);
        w.WriteString("parentFolderId", f.ParentFolderId);
        w.WriteNumber("childFolderCount", f.ChildFolderCount);
        w.WriteNumber("unreadItemCount", f.UnreadItemCount);
        w.WriteNumber("totalItemCount", f.TotalItemCount);
        w.WriteNumber("sizeInBytes", 0);
        w.WriteBoolean("isHidden", f.IsHidden);
        w.WriteEndObject();
    }
}
