using System.Globalization;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records;

/// <summary>
/// Who is sending a record and how; every path that writes a record says so, and <see cref="RecordAccess"/> decides
/// from it what the write may touch. <see cref="OwnerPersonId"/> set: an owner registering for themself.
/// <see cref="Scope"/> set: staff working in that region. Neither: the admin's import (national).
/// </summary>
internal sealed record Submitter(long? PersonId, string Source, string? EnumeratorId, long? OwnerPersonId)
{
    /// <summary>The region staff may write in (<c>""</c> the whole country); null when not staff.</summary>
    public string? Scope { get; init; }

    /// <summary>The owner's phone as the platform proved it (E.164): links a record without an owner that has it.</summary>
    public string? ProvenPhone { get; init; }

    public SubmitterKind Kind => OwnerPersonId is not null ? SubmitterKind.Owner
        : Scope is not null ? SubmitterKind.Staff
        : SubmitterKind.Import;

    public static Submitter Owner(Person person) =>
        new(person.Id, RecordSources.Mandiri, null, person.Id) { ProvenPhone = person.Phone };

    public static Submitter Staff(Person person, string scope) =>
        new(person.Id, RecordSources.Enumerator, person.Id.ToString(CultureInfo.InvariantCulture), null) { Scope = scope };

    public static Submitter Import(string? enumerator) => new(null, RecordSources.Impor, enumerator, null);

    /// <summary>True when a record in <paramref name="regionCode"/> is within the staff member's region.</summary>
    public bool Covers(string regionCode) => Scope is { } scope && RegionCodes.IsWithin(regionCode, scope);
}

internal enum SubmitterKind
{
    Owner,
    Staff,
    Import,
}
