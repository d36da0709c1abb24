using System.Buffers;
using DuckDB.NET.Data;

namespace RealEstateCrm.Etl.Batch;

/// <summary>Rows taken straight from SQLite by <see cref="SqliteTableScan"/>: every value in one slot of a flat array (an
/// integer, a double's bits, or where a text's UTF-8 bytes start in one shared buffer), so a chunk is three arrays instead
/// of a string or a box per value, and text reaches DuckDB as the bytes SQLite stored. The arrays come from the shared pool
/// and go back to it once the chunk is appended (<see cref="Release"/>): a fresh chunk's few megabytes every 10,000 rows were
/// large-object allocations, each paid again in zeroed pages and full collections.</summary>
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

    public void SetText(int slot, ReadOnlySpan<byte> utf8)
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
            // Text of every kind has its bytes in _text; only Text itself may be empty (the others fail to parse, as in EF).
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
                case RawColumnKind.Uuid: row.AppendValue(SqliteStoredText.Guid(_text.AsSpan((int)value, length))); break;
                case RawColumnKind.Timestamp: row.AppendValue(SqliteStoredText.Timestamp(_text.AsSpan((int)value, length))); break;
                case RawColumnKind.Date: row.AppendValue(SqliteStoredText.Date(_text.AsSpan((int)value, length))); break;
                // SQLite keeps every digit it is given and the Appender would truncate the ones past the mirror's scale:
                // rounded here as the cast of staged text (reads by id) and PostgreSQL round them.
                case RawColumnKind.Decimal:
                    row.AppendValue(Math.Round(SqliteStoredText.Decimal(_text.AsSpan((int)value, length)), SourceColumn.DecimalScale, MidpointRounding.AwayFromZero));
                    break;
                case RawColumnKind.Integer: row.AppendValue((int)value); break;
                case RawColumnKind.BigInt: row.AppendValue(value); break;
                case RawColumnKind.Boolean: row.AppendValue(value != 0); break;
                case RawColumnKind.Double: row.AppendValue(BitConverter.Int64BitsToDouble(value)); break;
            }
        }
    }
}
