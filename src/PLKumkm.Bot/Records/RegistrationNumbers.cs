using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records;

/// <summary>
/// Hands out <c>KUMKM-1601-000123</c> / <c>KOP-1601-000007</c>: per regency, increasing, never reused
/// (the sequence row is bumped inside the same transaction that stores the record).
/// </summary>
internal static class RegistrationNumbers
{
    public static string Prefix(RecordKind kind, string regencyCode) =>
        (kind == RecordKind.Koperasi ? "KOP-" : "KUMKM-") + regencyCode.Replace(".", "", StringComparison.Ordinal);

    public static async Task<string> NextAsync(BotDbContext db, RecordKind kind, string regencyCode, CancellationToken ct)
    {
        var prefix = Prefix(kind, regencyCode);
        var sequence = await db.RegistrationSequences.FirstOrDefaultAsync(s => s.Prefix == prefix, ct);
        if (sequence is null)
        {
            sequence = new RegistrationSequence { Prefix = prefix };
            db.RegistrationSequences.Add(sequence);
        }

        sequence.LastValue++;
        return Format(prefix, sequence.LastValue);
    }

    public static string Format(string prefix, long value) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{value:000000}");
}
