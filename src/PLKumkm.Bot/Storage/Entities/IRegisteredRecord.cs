namespace PLKumkm.Bot.Storage.Entities;

/// <summary>What owner commands (/status, /ubah, withdrawal) need of a record of either kind.</summary>
internal interface IRegisteredRecord : ICountedRecord
{
    long Id { get; }
    string RegistrationNumber { get; }
    new RecordStatus Status { get; set; }
    string BusinessName { get; }
    string KodeProvinsi { get; }
    string KodeKecamatan { get; }
    string KodeDesa { get; }
    string? FlagReason { get; set; }
    long? OwnerPersonId { get; set; }

    /// <summary>The record's phone (E.164), as answered.</summary>
    string? Hp { get; }

    /// <summary>Who entered it (<see cref="RecordSources"/>).</summary>
    string Sumber { get; }
    DateTimeOffset CreatedAt { get; }
    DateTimeOffset UpdatedAt { get; set; }
}
