using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Protection;

internal enum Protection
{
    /// <summary>Random nonce: nothing to compare; a lookup goes through the column's <see cref="ProtectedColumn.HashProperty"/>.</summary>
    Random,

    /// <summary>Same value, same stored form: equality and grouping work on it (channel addresses).</summary>
    Deterministic,
}

/// <param name="HashProperty">The keyed-hash twin that lookups compare, kept in step on every save.</param>
internal sealed record ProtectedColumn(Type Entity, string Property, Protection Protection, string? HashProperty = null);

/// <summary>
/// Every column that holds personal values encrypted at rest, in one place: the model gets its converters from here,
/// <c>keys rotate</c> re-encrypts exactly these, and the raw SQL import finds the hash twins here.
/// </summary>
/// <remarks>
/// <c>koperasi_records.NikKoperasi</c> is not here: it is the cooperative's registry number (Nomor Induk Koperasi,
/// published by the ministry), not a person's NIK. The JSON columns are encrypted whole: parsing them to encrypt
/// single values would cost more than encrypting, and they hold names and addresses too. <c>inbound_updates</c>
/// keeps a keyed hash of its update key instead (a WhatsApp message id encodes the sender's number), set by
/// <see cref="Messaging.InboundProcessor"/>: deduplication only compares.
/// </remarks>
internal static class ProtectedColumns
{
    public static readonly IReadOnlyList<ProtectedColumn> All =
    [
        new(typeof(UmkmRecord), nameof(UmkmRecord.Nik), Protection.Random, nameof(UmkmRecord.NikHash)),
        new(typeof(UmkmRecord), nameof(UmkmRecord.Hp), Protection.Random, nameof(UmkmRecord.HpHash)),
        new(typeof(KoperasiRecord), nameof(KoperasiRecord.Hp), Protection.Random, nameof(KoperasiRecord.HpHash)),
        new(typeof(Person), nameof(Person.Phone), Protection.Random, nameof(Person.PhoneHash)),
        new(typeof(PersonAddress), nameof(PersonAddress.Address), Protection.Deterministic),
        new(typeof(OutboxMessage), nameof(OutboxMessage.Address), Protection.Deterministic),
        new(typeof(OutboxMessage), nameof(OutboxMessage.PayloadJson), Protection.Random),
        new(typeof(ConversationSession), nameof(ConversationSession.StateJson), Protection.Random),
        new(typeof(RecordClaim), nameof(RecordClaim.AnswersJson), Protection.Random),
        new(typeof(RecordVersion), nameof(RecordVersion.ChangesJson), Protection.Random),
        new(typeof(WebhookInboxItem), nameof(WebhookInboxItem.Payload), Protection.Random),
        new(typeof(ErasureRequest), nameof(ErasureRequest.ReplyAddress), Protection.Random),
    ];

    /// <summary>Gives every protected property its converter (called at the end of <c>OnModelCreating</c>).</summary>
    public static void Apply(ModelBuilder model, FieldProtector protector)
    {
        var random = new ValueConverter<string, string>(v => protector.Protect(v), v => protector.Unprotect(v));
        var deterministic = new ValueConverter<string, string>(v => protector.ProtectDeterministic(v), v => protector.Unprotect(v));
        foreach (var column in All)
        {
            model.Entity(column.Entity).Property(column.Property)
                .HasConversion(column.Protection == Protection.Random ? random : deterministic);
        }
    }

    /// <summary>Sets the hash twins of an entity about to be saved from its clear values.</summary>
    public static void StampHashes(object entity, FieldProtector protector)
    {
        switch (entity)
        {
            case UmkmRecord u:
                u.NikHash = protector.HashOrNull(u.Nik);
                u.HpHash = protector.HashOrNull(u.Hp);
                break;
            case KoperasiRecord k:
                k.HpHash = protector.HashOrNull(k.Hp);
                break;
            case Person p:
                p.PhoneHash = protector.HashOrNull(p.Phone);
                break;
        }
    }
}
