using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// A prepared statement driven through SQLite's own API, bound by position. The bulk import's
/// insert runs a million times; ADO.NET's per-execution parameter lookup by name costs more than
/// SQLite's insert itself. Runs inside whatever transaction the connection has open.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly object?[] _bound;
    private readonly bool[] _isBound;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        var count = raw.sqlite3_bind_parameter_count(_statement);
        _bound = new object?[count + 1];
        _isBound = new bool[count + 1];
    }

    /// <summary>The 1-based position of a named parameter (<c>$key</c>).</summary>
    public int IndexOf(string name) => raw.sqlite3_bind_parameter_index(_statement, name);

    /// <summary>Binds <paramref name="values"/> to positions 1…n (a stored value: text, integer, real, or null).</summary>
    public void Bind(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Bind(i + 1, values[i]);
        }
    }

    public void Bind(int position, object? value)
    {
        // SQLite keeps a binding until it is replaced (a reset does not clear it, and text is copied on
        // binding), so a value equal to the one already bound there is not bound again: most columns of
        // a file's rows are empty or the same from row to row.
        if (position < _bound.Length && _isBound[position] && Same(_bound[position], value))
        {
            return;
        }

        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, position),
            string text => raw.sqlite3_bind_text(_statement, position, text),
            Utf8Text utf8 => raw.sqlite3_bind_text(_statement, position, utf8.Bytes.AsSpan()),
            long number => raw.sqlite3_bind_int64(_statement, position, number),
            int number => raw.sqlite3_bind_int64(_statement, position, number),
            short number => raw.sqlite3_bind_int64(_statement, position, number),
            bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(_statement, position, real),
            float real => raw.sqlite3_bind_double(_statement, position, real),
            byte[] blob => raw.sqlite3_bind_blob(_statement, position, blob),
            _ => throw new ArgumentException($"no SQLite binding for {value.GetType().Name}", nameof(value)),
        };
        Check(rc);
        if (position < _bound.Length)
        {
            _bound[position] = value;
            _isBound[position] = true;
        }
    }

    /// <summary>Binds position <paramref name="position"/> when the statement has that many parameters.</summary>
    public void BindIfUsed(int position, object? value)
    {
        if (position <= raw.sqlite3_bind_parameter_count(_statement))
        {
            Bind(position, value);
        }
    }

    /// <summary>Binds <paramref name="value"/> at <paramref name="position"/>, steps once and gives the first column of the first row (null when none).</summary>
    public object? Scalar(int position, object? value)
    {
        Bind(position, value);
        try
        {
            return Step() ? Column(0) : null;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary><see cref="Scalar(int, object?)"/> at position 1.</summary>
    public object? Scalar(object? value) => Scalar(1, value);

    /// <summary>Runs the statement once (no rows expected) and makes it ready for the next values.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
        }
    }

    /// <summary>Steps once: true with a row to read (<see cref="Column"/>), false when done. Call <see cref="Reset"/> after.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        return rc switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            _ => throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc),
        };
    }

    /// <summary>A column of the current row as stored: long, double, string, byte[] or null.</summary>
    public object? Column(int index) => raw.sqlite3_column_type(_statement, index) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_statement, index),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(_statement, index),
        raw.SQLITE_TEXT => raw.sqlite3_column_text(_statement, index).utf8_to_string(),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(_statement, index).ToArray(),
        _ => null,
    };

    public void Reset() => raw.sqlite3_reset(_statement);

    public void Dispose() => _statement.Dispose();

    private static bool Same(object? bound, object? value) => (bound, value) switch
    {
        (null or DBNull, null or DBNull) => true,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (Utf8Text a, Utf8Text b) => a.Bytes.AsSpan().SequenceEqual(b.Bytes),
        (long a, long b) => a == b,
        (int a, int b) => a == b,
        (short a, short b) => a == b,
        (bool a, bool b) => a == b,
        // Bit for bit: 0.0 and -0.0 are different values to store.
        (double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b),
        _ => false,
    };

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
        }
    }
}

/// <summary>Text already encoded as UTF-8 (done on the validation threads, so the single writer does not).</summary>
internal sealed record Utf8Text(byte[] Bytes)
{
    public static object? Encode(object? value) => value is string text ? new Utf8Text(System.Text.Encoding.UTF8.GetBytes(text)) : value;
}
