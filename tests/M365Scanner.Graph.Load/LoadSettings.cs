using System.Globalization;

namespace M365Scanner.Graph.Load;

/// <summary>Bounds of one run: the large attachment's size, the adapter's scanning cap, and how often the large
/// message is read (the peak is the highest of the reads).</summary>
internal sealed record LoadSettings(int AttachmentMegabytes, int CapMegabytes, int Reads)
{
    public static LoadSettings Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback, int min, int max) =>
            Math.Clamp(int.Parse(Get(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), min, max);
        return new LoadSettings(Int("attachment-mb", 100, 1, 140), Int("cap-mb", 25, 1, 150), Int("reads", 3, 1, 20));
    }

    public string[] ToArguments() =>
        ["--attachment-mb", Str(AttachmentMegabytes), "--cap-mb", Str(CapMegabytes), "--reads", Str(Reads)];

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => $"attachment {AttachmentMegabytes} MB, cap {CapMegabytes} MB, {Reads} read(s)";
}
