namespace M365Scanner.Core.Remediation;

/// <summary>An attachment whose bytes changed in the rewritten copy.</summary>
/// <param name="Index">Its index in <see cref="Mail.EmailMessage.Attachments"/>.</param>
/// <param name="FileName">Its file name, unchanged (for logs).</param>
/// <param name="Content">The new bytes. For a PDF the original bytes are an exact prefix of them (incremental update).</param>
public sealed record RewrittenAttachment(int Index, string FileName, ReadOnlyMemory<byte> Content);
