namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Which table cell is open, tracked from tags alone, so that an anchor left open in a cell ends with the cell as
/// it does in a browser (a cell is a boundary for formatting elements such as <c>&lt;a&gt;</c>). Without it, one
/// unclosed anchor in a layout table would swallow the text of every later cell as its own.
/// </summary>
/// <remarks>Follows the HTML tree builder's rules that matter here: a new cell or row ends the open cell of its
/// table, <c>&lt;/table&gt;</c> ends the table and its cell, and a table started directly inside a table (not
/// inside a cell) first ends that table. Cells are numbered so that a cell of a nested table is never mistaken
/// for the outer one. Memory is one int per open table.</remarks>
internal sealed class OpenTableCells
{
    // Per open table, innermost last: the number of its open cell, 0 when none is open.
    private readonly List<int> _tables = [];
    private int _lastCell;

    /// <summary>The number of the innermost open cell, 0 outside any cell.</summary>
    public int Current => _tables.Count > 0 ? _tables[^1] : 0;

    /// <summary>A &lt;table&gt; start tag; returns the cell it ended, 0 when none.</summary>
    public int StartTable()
    {
        var ended = Current == 0 && _tables.Count > 0 ? EndTable() : 0;
        _tables.Add(0);
        return ended;
    }

    /// <summary>A &lt;td&gt; or &lt;th&gt; start tag; returns the cell it ended, 0 when none. Ignored outside a
    /// table, as the tree builder ignores it.</summary>
    public int StartCell()
    {
        if (_tables.Count == 0)
            return 0;
        var ended = EndCell();
        _tables[^1] = ++_lastCell;
        return ended;
    }

    /// <summary>A cell end tag, or a row or row-group tag that implies one; returns the cell it ended, 0 when none.</summary>
    public int EndCell()
    {
        var ended = Current;
        if (_tables.Count > 0)
            _tables[^1] = 0;
        return ended;
    }

    /// <summary>A &lt;/table&gt; end tag; returns the cell it ended, 0 when none.</summary>
    public int EndTable()
    {
        if (_tables.Count == 0)
            return 0;
        var ended = EndCell();
        _tables.RemoveAt(_tables.Count - 1);
        return ended;
    }
}
