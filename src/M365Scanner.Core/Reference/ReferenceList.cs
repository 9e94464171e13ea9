namespace M365Scanner.Core.Reference;

/// <summary>One loaded copy of a named list.</summary>
/// <param name="Entries">The entries in file order, lower case, blank and comment lines removed (for
/// <see cref="ReferenceListFormat.Ranks"/>, the domains in rank order).</param>
/// <param name="LoadedFrom">"embedded" for the copy built into the product, else the path or URL it was read from.</param>
/// <param name="MalformedLines">Lines skipped because they were not an entry of the list's format.</param>
public sealed record ReferenceList(
    ReferenceListSpec Spec, IReadOnlyList<string> Entries, ListProvenance Provenance, string LoadedFrom, int MalformedLines)
{
    /// <summary>Where the copy built into the product is said to come from.</summary>
    public const string Embedded = "embedded";

    public string Name => Spec.Name;

    /// <summary>True when the copy has at least <see cref="ReferenceListSpec.MinimumEntries"/> entries.</summary>
    public bool IsPlausible => Entries.Count >= Spec.MinimumEntries;
}
