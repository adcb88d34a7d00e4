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
/// <remarks>
/// Inside a transaction (every update of the pipeline) the bump is one atomic upsert: its row lock holds concurrent
/// writers (other instances on one PostgreSQL) until this transaction ends, so numbers are unique, and a rollback
/// returns the number, so they stay gap-free. Without one, the bump is saved with the record by its SaveChanges.
/// </remarks>
internal static class RegistrationNumbers
{
    public static string Prefix(RecordKind kind, string regencyCode) =>
        (kind == RecordKind.Koperasi ? "KOP-" : "KUMKM-") + regencyCode.Replace(".", "", StringComparison.Ordinal);

    public static async Task<string> NextAsync(BotDbContext db, RecordKind kind, string regencyCode, CancellationToken ct)
    {
        var prefix = Prefix(kind, regencyCode);
        if (db.Database.CurrentTransaction is not null)
        {
            var next = await db.Database.SqlQuery<long>(
                    $"INSERT INTO registration_sequences (\"Prefix\", \"LastValue\") VALUES ({prefix}, 1) ON CONFLICT (\"Prefix\") DO UPDATE SET \"LastValue\" = registration_sequences.\"LastValue\" + 1 RETURNING \"LastValue\" AS \"Value\"")
                .ToListAsync(ct);
            return Format(prefix, next.Single());
        }

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
