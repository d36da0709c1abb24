using System.Buffers;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace RealEstateCrm.Etl.Batch;

/// <summary>Rows taken straight from SQLite by <see cref="SqliteTableScan"/>: every value in one slot of a flat array (an
/// integer, a double's bits, or where a text's UTF-8 bytes start in one shared buffer), so a chunk is three arrays instead
/// of a string or a box per value, and text reaches DuckDB as the bytes SQLite stored. The arrays come from the shared pool
/// and go back to it once the chunk is appended (<see cref="Release"/>): a fresh chunk's few megabytes every 10,000 rows were
/// large-object allocations, each paid again in zeroed pages and full collections. The text SQLite stores for GUIDs,
/// timestamps, dates and decimals is parsed when the row is read (<see cref="SetStoredText"/>), on the reader thread: the
/// thread that appends to DuckDB is the full load's bottleneck, and the reader's core had time to spare.</summary>
internal sealed class SqliteRowChunk : RowChunk
{
    private const int Null = -1;

    private readonly RawColumnKind[] _kinds;
    // Every slot of a row is set before the row is read, so rented arrays need no clearing.
    private long[] _values;
    // Per value: Null, else the text's length in bytes (0 for the other kinds).
    private int[] _lengths;
    private byte[] _text;
    private int _textUsed;
    private int _rows;

    public SqliteRowChunk(RawColumnKind[] kinds)
    {
        _kinds = kinds;
        _values = ArrayPool<long>.Shared.Rent(MaxRows * kinds.Length);
        _lengths = ArrayPool<int>.Shared.Rent(MaxRows * kinds.Length);
        _text = ArrayPool<byte>.Shared.Rent(MaxRows * 64);
    }

    public override int Count => _rows;
    public bool IsFull => _rows == MaxRows;

    /// <summary>Opens the next row: its values are set with the Set methods, column by column.</summary>
    public int AddRow() => _rows++ * _kinds.Length;

    public void SetNull(int slot) => _lengths[slot] = Null;

    public void SetInteger(int slot, long value) => (_values[slot], _lengths[slot]) = (value, 0);

    public void SetDouble(int slot, double value) => (_values[slot], _lengths[slot]) = (BitConverter.DoubleToInt64Bits(value), 0);

    /// <summary>A TEXT value of a column of <paramref name="kind"/>: kept as its UTF-8 bytes for a Text column, else parsed
    /// to the value appended (a timestamp as its ticks, a date as its day number, a GUID or decimal as its 16 bytes).</summary>
    public void SetStoredText(int slot, RawColumnKind kind, ReadOnlySpan<byte> utf8)
    {
        switch (kind)
        {
            case RawColumnKind.Uuid: SetBytes(slot, SqliteStoredText.Guid(utf8)); break;
            case RawColumnKind.Timestamp: SetInteger(slot, SqliteStoredText.Timestamp(utf8).Ticks); break;
            case RawColumnKind.Date: SetInteger(slot, SqliteStoredText.Date(utf8).DayNumber); break;
            // SQLite keeps every digit it is given and the Appender would truncate the ones past the mirror's scale:
            // rounded here as the cast of staged text (reads by id) and PostgreSQL round them.
            case RawColumnKind.Decimal:
                SetBytes(slot, Math.Round(SqliteStoredText.Decimal(utf8), SourceColumn.DecimalScale, MidpointRounding.AwayFromZero));
                break;
            default: SetText(slot, utf8); break;
        }
    }

    private void SetBytes<T>(int slot, T value) where T : unmanaged => SetText(slot, MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));

    private void SetText(int slot, ReadOnlySpan<byte> utf8)
    {
        if (_textUsed + utf8.Length > _text.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_text.Length * 2, _textUsed + utf8.Length));
            _text.AsSpan(0, _textUsed).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_text);
            _text = larger;
        }
        utf8.CopyTo(_text.AsSpan(_textUsed));
        (_values[slot], _lengths[slot]) = (_textUsed, utf8.Length);
        _textUsed += utf8.Length;
    }

    public override void Release()
    {
        ArrayPool<long>.Shared.Return(_values);
        ArrayPool<int>.Shared.Return(_lengths);
        ArrayPool<byte>.Shared.Return(_text);
        // A use after release fails instead of reading another chunk's rows.
        (_values, _lengths, _text, _rows) = ([], [], [], 0);
    }

    public override void AppendTo(IDuckDBAppenderRow row, int index)
    {
        var slot = index * _kinds.Length;
        foreach (var kind in _kinds)
        {
            var (value, length) = (_values[slot], _lengths[slot]);
            slot++;
            if (length == Null)
            {
                row.AppendNullValue();
                continue;
            }
            switch (kind)
            {
                // An empty span would be taken for NULL: the empty string goes as a string.
                case RawColumnKind.Text when length == 0: row.AppendValue(""); break;
                case RawColumnKind.Text: row.AppendValue(_text.AsSpan((int)value, length)); break;
                case RawColumnKind.Uuid: row.AppendValue(MemoryMarshal.Read<Guid>(_text.AsSpan((int)value, length))); break;
                case RawColumnKind.Timestamp: row.AppendValue(new DateTime(value)); break;
                case RawColumnKind.Date: row.AppendValue(DateOnly.FromDayNumber((int)value)); break;
                case RawColumnKind.Decimal: row.AppendValue(MemoryMarshal.Read<decimal>(_text.AsSpan((int)value, length))); break;
                case RawColumnKind.Integer: row.AppendValue((int)value); break;
                case RawColumnKind.BigInt: row.AppendValue(value); break;
                case RawColumnKind.Boolean: row.AppendValue(value != 0); break;
                case RawColumnKind.Double: row.AppendValue(BitConverter.Int64BitsToDouble(value)); break;
            }
        }
    }
}
