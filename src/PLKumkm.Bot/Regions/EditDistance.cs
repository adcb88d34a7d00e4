namespace PLKumkm.Bot.Regions;

/// <summary>
/// Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions, each
/// substring edited once), bounded: only the diagonal band that a distance ≤ max can pass through
/// is computed, and hopeless pairs stop early. Searching all 83,763 village names on every message
/// must stay in the low milliseconds.
/// </summary>
internal static class EditDistance
{
    /// <summary>The distance, or <c>max + 1</c> when it exceeds <paramref name="max"/>.</summary>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        var tooFar = max + 1;
        if (max < 0 || Math.Abs(a.Length - b.Length) > max)
        {
            return tooFar;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }

        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 512 ? stackalloc int[width * 3] : new int[width * 3];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(width * 2, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j <= max ? j : tooFar;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var low = Math.Max(1, i - max);
            var high = Math.Min(b.Length, i + max);
            // Cells just outside the band read as "too far" so recycled rows leave no stale values.
            current[low - 1] = low == 1 ? i : tooFar;
            if (high < b.Length)
            {
                current[high + 1] = tooFar;
            }

            var rowMinimum = current[low - 1];
            for (var j = low; j <= high; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                current[j] = Math.Min(value, tooFar);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > max)
            {
                return tooFar;
            }

            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }
}
