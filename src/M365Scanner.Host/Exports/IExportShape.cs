namespace M365Scanner.Host.Exports;

/// <summary>How one kind of row is exported as CSV: its header and its fields. The JSON lines need no shape of their
/// own: they are the row as the admin API serialises it, plus <c>changeSeq</c> and <c>cursor</c>.</summary>
public interface IExportShape<in T>
{
    /// <summary>The header row's names, in the order of <see cref="Fields"/>; the first two are <c>cursor</c> and
    /// <c>changeSeq</c>.</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>The row's fields, already escaped (<see cref="CsvCell"/>), after its cursor and sequence.</summary>
    IEnumerable<string> Fields(T row);
}
