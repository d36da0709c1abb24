using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RealEstateCrm.Etl.Batch;

/// <summary>The few SQLite calls <see cref="SqliteTableScan"/> makes per value, bound straight to e_sqlite3 (the library
/// Microsoft.Data.Sqlite loads) on the raw statement pointer. Through SQLitePCL each call crosses its provider's wrapper and
/// SQLite takes and releases the connection's mutex inside it: per value, most of the reader thread's time. Here the reader
/// holds that mutex for a whole chunk (<see cref="Lock"/>), so SQLite's own enter and leave find it already held.</summary>
internal static unsafe partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    public const int Row = 100;
    public const int Done = 101;
    public const int NullType = 5;

    // May read the file: a normal transition, so the GC can run while it waits.
    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    public static partial int Step(nint statement);

    // The column calls only read the current row's buffer (the mutex they take is already the caller's): short enough to
    // skip the GC transition, which costs more than the call itself.
    [LibraryImport(Library, EntryPoint = "sqlite3_column_type"), SuppressGCTransition]
    public static partial int ColumnType(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64"), SuppressGCTransition]
    public static partial long ColumnInt64(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_double"), SuppressGCTransition]
    public static partial double ColumnDouble(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_blob"), SuppressGCTransition]
    private static partial byte* ColumnBlob(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes"), SuppressGCTransition]
    private static partial int ColumnBytes(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_db_mutex")]
    private static partial nint DbMutex(nint connection);

    [LibraryImport(Library, EntryPoint = "sqlite3_mutex_enter")]
    private static partial void MutexEnter(nint mutex);

    [LibraryImport(Library, EntryPoint = "sqlite3_mutex_leave")]
    private static partial void MutexLeave(nint mutex);

    /// <summary>A TEXT or BLOB value's bytes as stored (a TEXT value's UTF-8, unconverted), valid until the next step.</summary>
    public static ReadOnlySpan<byte> ColumnBytesOf(nint statement, int column)
    {
        // SQLite's order: the pointer first, then its length.
        var bytes = ColumnBlob(statement, column);
        return bytes is null ? [] : new ReadOnlySpan<byte>(bytes, ColumnBytes(statement, column));
    }

    /// <summary>Holds the connection's mutex until disposed (SQLite's mutex is recursive: its own calls still enter it).
    /// Enter and leave happen on the same thread, so never hold it across an await or a yield.</summary>
    public static MutexScope Lock(nint connection) => new(DbMutex(connection));

    public readonly struct MutexScope : IDisposable
    {
        // Null when SQLite was built or opened without mutexes; enter and leave then do nothing.
        private readonly nint _mutex;

        public MutexScope(nint mutex)
        {
            _mutex = mutex;
            MutexEnter(mutex);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Dispose() => MutexLeave(_mutex);
    }
}
