using Microsoft.Data.Sqlite;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// An update of a stored row that writes only the columns whose values change (so importing the same file again
/// writes nothing): the values compared with the stored ones, and one prepared statement per set of changed columns.
/// </summary>
internal sealed class ChangedColumns(SqliteConnection connection, EntityTable<UmkmRecord> records) : IDisposable
{
    private readonly Dictionary<string, SqliteStatement> _updates = new(StringComparer.Ordinal);

    /// <summary>Which of <paramref name="values"/> (in <see cref="EntityTable{T}.Columns"/> order) differ from <paramref name="stored"/> (key first); null when none does.</summary>
    /// <param name="hashTwins">
    /// Columns encrypted with a random nonce and their hash columns (see <see cref="EntityTable{T}.HashTwins"/>): such a
    /// value is stored differently every time, so it counts as changed only when its hash did, and otherwise keeps
    /// its stored form (in <paramref name="values"/> too).
    /// </param>
    public static bool[]? Of(object?[] stored, object?[] values, IReadOnlyList<(int Value, int Hash)>? hashTwins = null)
    {
        var changed = new bool[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            changed[i] = !EntityTable<UmkmRecord>.SameStored(stored[i + 1], values[i]);
        }

        foreach (var (value, hash) in hashTwins ?? [])
        {
            if (!changed[hash])
            {
                changed[value] = false;
                values[value] = stored[value + 1];
            }
        }

        return changed.Contains(true) ? changed : null;
    }

    /// <summary>Sets the <paramref name="changed"/> columns of row <paramref name="id"/> to their <paramref name="values"/>.</summary>
    public void Write(long id, object?[] values, bool[] changed)
    {
        var statement = Statement(changed);
        var position = 1;
        for (var i = 0; i < values.Length; i++)
        {
            if (changed[i])
            {
                statement.Bind(position++, values[i]);
            }
        }

        statement.Bind(position, id);
        statement.Execute();
    }

    public void Dispose()
    {
        foreach (var statement in _updates.Values)
        {
            statement.Dispose();
        }

        _updates.Clear();
    }

    private SqliteStatement Statement(bool[] changed)
    {
        var key = string.Create(changed.Length, changed, (span, flags) =>
        {
            for (var i = 0; i < flags.Length; i++)
            {
                span[i] = flags[i] ? '1' : '0';
            }
        });
        if (!_updates.TryGetValue(key, out var statement))
        {
            statement = _updates[key] = new SqliteStatement(connection, records.UpdateSql(changed));
        }

        return statement;
    }
}
