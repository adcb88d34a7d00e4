namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// Record ids by a 32-bit hash of a lookup key, in two flat arrays (8 bytes a slot, no object per
/// entry): while a first load runs without the table's secondary indexes, this says which few rows
/// may match, and a primary-key lookup with the rule's own conditions decides. A hash collision or
/// a row that has changed since costs one extra lookup, never a wrong answer.
/// </summary>
internal sealed class CandidateIndex
{
    private uint[] _keys;
    private int[] _ids;
    private int _count;
    private int _shift;

    public CandidateIndex(int expected = 0)
    {
        var bits = 10;
        while ((1L << bits) * 3 / 4 < expected && bits < 30)
        {
            bits++;
        }

        _keys = new uint[1 << bits];
        _ids = new int[1 << bits];
        _shift = 32 - bits;
    }

    public int Count => _count;

    public void Add(ulong hash, long id)
    {
        if (id is <= 0 or > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, "record ids of a deferred-index import fit in 31 bits");
        }

        if ((_count + 1) * 4L > _keys.Length * 3L)
        {
            Grow();
        }

        Insert(Fold(hash), (int)id);
        _count++;
    }

    /// <summary>The ids stored under <paramref name="hash"/> (possibly some that no longer match), ascending, without repeats.</summary>
    public void Find(ulong hash, List<long> ids)
    {
        ids.Clear();
        var key = Fold(hash);
        var mask = _keys.Length - 1;
        for (var i = Slot(key); _keys[i] != 0; i = (i + 1) & mask)
        {
            if (_keys[i] == key)
            {
                ids.Add(_ids[i]);
            }
        }

        if (ids.Count > 1)
        {
            ids.Sort();
            var kept = 1;
            for (var i = 1; i < ids.Count; i++)
            {
                if (ids[i] != ids[kept - 1])
                {
                    ids[kept++] = ids[i];
                }
            }

            ids.RemoveRange(kept, ids.Count - kept);
        }
    }

    private static uint Fold(ulong hash)
    {
        var key = (uint)(hash ^ (hash >> 32));
        return key == 0 ? 1 : key;
    }

    private int Slot(uint key) => (int)((key * 2654435769u) >> _shift);

    private void Insert(uint key, int id)
    {
        var mask = _keys.Length - 1;
        var i = Slot(key);
        while (_keys[i] != 0)
        {
            i = (i + 1) & mask;
        }

        _keys[i] = key;
        _ids[i] = id;
    }

    private void Grow()
    {
        var (keys, ids) = (_keys, _ids);
        _keys = new uint[keys.Length * 2];
        _ids = new int[keys.Length * 2];
        _shift--;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
            {
                Insert(keys[i], ids[i]);
            }
        }
    }
}
