using Npgsql;
using NpgsqlTypes;

namespace PLKumkm.Bot.Records.Import.PostgreSql;

/// <summary>
/// New records (with the ids the load gave them) and new versions not sent yet: sent together by binary COPY, one
/// round trip for thousands of rows instead of one per row. A statement that could see a pending row sends them first
/// (<see cref="Send"/>), so every lookup finds exactly what it would have found row by row.
/// </summary>
/// <remarks>One connection runs one COPY at a time, and the other statements wait for it: hence rows held, not streamed.</remarks>
internal sealed class PendingRecords(NpgsqlConnection connection, PostgresCopy records, PostgresCopy versions, int capacity = 8_192)
{
    private readonly List<object?[]> _records = [];
    private readonly List<object?[]> _versions = [];
    private readonly HashSet<long> _versionsOf = [];
    private long _firstRecord = long.MaxValue;

    /// <summary>A new record's values, its id first.</summary>
    public void AddRecord(long id, object?[] values)
    {
        _firstRecord = Math.Min(_firstRecord, id);
        _records.Add(values);
        SendWhenFull();
    }

    /// <summary>A new version's values, of record <paramref name="recordId"/>.</summary>
    public void AddVersion(long recordId, object?[] values)
    {
        _versionsOf.Add(recordId);
        _versions.Add(values);
        SendWhenFull();
    }

    /// <summary>Before a statement about record <paramref name="recordId"/>: sends what is pending when that record or one of its versions is.</summary>
    public void Send(long recordId)
    {
        if (recordId >= _firstRecord || _versionsOf.Contains(recordId))
        {
            Send();
        }
    }

    /// <summary>Sends everything pending (records first: versions follow their records).</summary>
    public void Send()
    {
        records.Write(connection, _records);
        versions.Write(connection, _versions);
        Clear();
    }

    /// <summary>Forgets what is pending (a batch rolled back).</summary>
    public void Clear()
    {
        _records.Clear();
        _versions.Clear();
        _versionsOf.Clear();
        _firstRecord = long.MaxValue;
    }

    private void SendWhenFull()
    {
        if (_records.Count + _versions.Count >= capacity)
        {
            Send();
        }
    }
}
