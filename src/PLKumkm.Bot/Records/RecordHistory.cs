using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records;

/// <summary>
/// The version history of records: every write adds a version with the fields that changed (old → new),
/// who and from where. Version 1 is the creation.
/// </summary>
internal static class RecordHistory
{
    /// <summary>What personal values become in the history once the owner withdraws consent.</summary>
    public const string Erased = "[dihapus]";

    public const string SystemSource = "sistem";

    /// <summary>A coordinator's decision on a flagged record (/tinjau).</summary>
    public const string ReviewSource = "tinjau";

    // Names and addresses stay readable in the database (no \u escapes for Indonesian letters).
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<RecordVersion> AddAsync(
        BotDbContext db,
        IRegisteredRecord record,
        IReadOnlyDictionary<string, string?>? before,
        long? byPersonId,
        string source,
        string? note,
        DateTimeOffset at,
        CancellationToken ct)
    {
        var inserted = record.Id == 0;
        if (inserted)
        {
            // A new record gets its id from the database; the caller's transaction still holds everything.
            await db.SaveChangesAsync(ct);
        }

        var kind = record.Kind;
        // Ids are never reused (AUTOINCREMENT on SQLite, identity on PostgreSQL), so a record just inserted has no
        // stored version to count from.
        var stored = inserted ? 0 : await db.RecordVersions.Where(v => v.Kind == kind && v.RecordId == record.Id)
            .MaxAsync(v => (int?)v.Version, ct) ?? 0;
        var pending = db.RecordVersions.Local.Where(v => v.Kind == kind && v.RecordId == record.Id)
            .Select(v => v.Version).DefaultIfEmpty(0).Max();
        var version = new RecordVersion
        {
            Kind = kind,
            RecordId = record.Id,
            Version = Math.Max(stored, pending) + 1,
            At = at,
            ByPersonId = byPersonId,
            Source = source,
            ChangesJson = Changes(before, RecordSnapshots.Take(record)),
            Note = note,
        };
        db.RecordVersions.Add(version);
        return version;
    }

    /// <summary><c>{"field": {"old": …, "new": …}}</c> for every field whose value differs; <c>before</c> null is a creation.</summary>
    public static string Changes(IReadOnlyDictionary<string, string?>? before, IReadOnlyDictionary<string, string?> after)
    {
        var changes = new JsonObject();
        foreach (var (field, value) in after)
        {
            var old = before?.GetValueOrDefault(field);
            if (before is null && value is null || string.Equals(old, value, StringComparison.Ordinal))
            {
                continue;
            }

            changes[field] = new JsonObject { ["old"] = old, ["new"] = value };
        }

        return changes.ToJsonString(Json);
    }

    /// <summary>
    /// <see cref="Changes"/> of a creation (<c>before</c> null), written straight to UTF-8 without the
    /// snapshot and node objects: the same bytes, for the bulk import's million first versions.
    /// </summary>
    public static byte[] CreationUtf8(IRegisteredRecord record)
    {
        var (buffer, writer) = t_creation ??= NewCreationWriter();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        foreach (var field in RecordSnapshots.Fields(record.Kind))
        {
            WriteCreated(writer, field, RecordSnapshots.Get(record, field));
        }

        WriteCreated(writer, RecordSnapshots.StatusKey, record.Status.ToString());
        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    public static IReadOnlyDictionary<string, (string? Old, string? New)> Read(RecordVersion version)
    {
        var result = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        if (JsonNode.Parse(version.ChangesJson) is not JsonObject changes)
        {
            return result;
        }

        foreach (var (field, node) in changes)
        {
            result[field] = (node?["old"]?.GetValue<string>(), node?["new"]?.GetValue<string>());
        }

        return result;
    }

    [ThreadStatic]
    private static (System.Buffers.ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? t_creation;

    private static (System.Buffers.ArrayBufferWriter<byte>, Utf8JsonWriter) NewCreationWriter()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
        return (buffer, new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder }));
    }

    private static void WriteCreated(Utf8JsonWriter writer, string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        writer.WriteStartObject(field);
        writer.WriteNull("old");
        writer.WriteString("new", value);
        writer.WriteEndObject();
    }

    /// <summary>Blanks the personal values in every stored version of a record (the field names stay: what changed, not what it was).</summary>
    public static async Task ScrubPersonalAsync(BotDbContext db, RecordKind kind, long recordId, CancellationToken ct)
    {
        var personal = RecordSnapshots.Personal(kind);
        var versions = await db.RecordVersions.Where(v => v.Kind == kind && v.RecordId == recordId).ToListAsync(ct);
        foreach (var version in versions.Concat(db.RecordVersions.Local.Where(v => v.Kind == kind && v.RecordId == recordId && v.Id == 0)))
        {
            if (JsonNode.Parse(version.ChangesJson) is not JsonObject changes)
            {
                continue;
            }

            foreach (var field in personal)
            {
                if (changes[field] is JsonObject change)
                {
                    foreach (var side in new[] { "old", "new" })
                    {
                        if (change[side] is not null)
                        {
                            change[side] = Erased;
                        }
                    }
                }
            }

            version.ChangesJson = changes.ToJsonString(Json);
        }
    }
}
