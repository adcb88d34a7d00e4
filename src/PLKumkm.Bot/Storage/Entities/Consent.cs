namespace PLKumkm.Bot.Storage.Entities;

/// <summary>An explicit yes to a consent notice version (UU 27/2022), kept with its time; withdrawal is recorded too.</summary>
internal sealed class Consent
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public string NoticeVersion { get; set; } = "";
    public DateTimeOffset GivenAt { get; set; }

    /// <summary>Where it was given, e.g. <c>telegram:123</c>.</summary>
    public string Address { get; set; } = "";

    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>
    /// True when an enumerator recorded a business owner's consent on their device: the person is the
    /// enumerator, the consent is the owner's, and <see cref="RegistrationNumber"/> names the owner's record.
    /// </summary>
    public bool OnBehalfOfOwner { get; set; }

    public string? RegistrationNumber { get; set; }
}
