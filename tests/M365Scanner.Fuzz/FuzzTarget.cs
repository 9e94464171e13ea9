namespace M365Scanner.Fuzz;

/// <summary>One parser of untrusted input, as AFL++ drives it: bytes in, and an exception out only for what the
/// product would not survive or would itself call a bug.</summary>
/// <remarks>
/// What counts as a crash is decided per target from the contract of the API under test: an exception escaping a
/// method documented as never throwing for content, or an outcome the product's own code says only a bug produces.
/// Exceptions the contract allows (EmlReader's FormatException for bytes that are not a message) are swallowed.
/// Stack overflows and hangs need no code here: the first kills the SharpFuzz child process, which AFL++ records as
/// a crash, the second trips AFL++'s per-input timeout.
/// </remarks>
internal abstract class FuzzTarget
{
    /// <summary>The argument that selects the target ("mime", "pdf", ...), also the folder name of its output.</summary>
    public abstract string Name { get; }

    /// <summary>One line for `--list`: what the target feeds and to what.</summary>
    public abstract string Description { get; }

    /// <summary>Runs one input.</summary>
    /// <exception cref="FuzzFinding">The product's contract was broken without an exception of its own.</exception>
    public abstract void Run(byte[] input);

    /// <summary>Small valid and odd inputs to start from, written by the program itself (never copied from the shared
    /// data), as (file name, bytes). None of them may crash or hang: AFL++ refuses to start on such a seed.</summary>
    public abstract IEnumerable<(string Name, byte[] Bytes)> Seeds();

    /// <summary>Tokens of the format for AFL++'s dictionary (-x): mutations splice them in, which reaches keywords a
    /// byte-flipper would take hours to spell.</summary>
    public abstract IEnumerable<string> DictionaryTokens();
}

/// <summary>A broken contract that surfaced as a value rather than an exception (e.g. a note the product writes only
/// when its parser failed in a way its code calls a bug). Thrown so SharpFuzz reports the input as a crash.</summary>
internal sealed class FuzzFinding(string message) : Exception(message);
