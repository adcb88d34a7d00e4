namespace PLKumkm.Bot.Storage.Entities;

/// <summary>
/// An explicit yes to a consent notice version (UU 27/2022), kept with its time; withdrawal is recorded too. It is the
/// proof of consent and of its withdrawal, so it outlives an erasure: it holds only the pseudonymous person id, never
/// the address or phone it was given from.
/// </summary>
internal sealed class Consent
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public string NoticeVersion { get; set; } = "";
    public DateTimeOffset GivenAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>
    /// True when an enumerator recorded a business owner's consent on their device: the person is the
    /// enumerator, the consent is the owner's, and <see cref="RegistrationNumber"/> names the owner's record.
    /// </summary>
    public bool OnBehalfOfOwner { get; set; }

    public string? RegistrationNumber { get; set; }
}
