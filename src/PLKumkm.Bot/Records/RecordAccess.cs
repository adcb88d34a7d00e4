using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records;

/// <summary>What a write may do to the single database, as <see cref="RecordAccess.Decide"/> rules it.</summary>
internal enum WriteVerdict
{
    /// <summary>A new record.</summary>
    Create,

    /// <summary>The matched record is the writer's to change.</summary>
    Update,

    /// <summary>A record without an owner whose phone is the owner's proven one: it becomes theirs, and is updated.</summary>
    LinkOwner,

    /// <summary>Someone else's record (or one without an owner and another phone): nothing changes, a coordinator decides.</summary>
    Claim,

    /// <summary>Staff matched a record of another region: nothing changes.</summary>
    OtherRegion,

    /// <summary>The write would move the record to another regency: nothing changes (its number and counts belong there).</summary>
    RegionMove,

    /// <summary>Staff creating a record outside their region: nothing is stored.</summary>
    OutsideScope,
}

/// <summary>
/// The one place that decides who may change which record, for every path that writes (guided questionnaire,
/// <c>/ubah</c>, quick entry, import); <see cref="RecordWriter"/> asks it before touching anything:
/// <list type="bullet">
/// <item>an owner creates records anywhere and changes only records they own; a record without an owner becomes theirs
/// only when its phone is the phone the platform proved for them; anything else is a claim for a coordinator;</item>
/// <item>staff create and change records only in their own region;</item>
/// <item>the admin's import works nationally;</item>
/// <item>no update moves a record to another regency.</item>
/// </list>
/// </summary>
internal static class RecordAccess
{
    /// <param name="who">The writer.</param>
    /// <param name="existing">The record the write matched (same business), or null for a new one. Its phone is compared
    /// with an owner's proven one.</param>
    /// <param name="regency">The regency the write puts the record in (from its village); "" when it gives none.</param>
    public static WriteVerdict Decide(Submitter who, IRegisteredRecord? existing, string regency)
    {
        if (existing is null)
        {
            return who.Kind == SubmitterKind.Staff && !who.Covers(regency) ? WriteVerdict.OutsideScope : WriteVerdict.Create;
        }

        var allowed = WriteVerdict.Update;
        switch (who.Kind)
        {
            case SubmitterKind.Staff when !who.Covers(existing.KodeKabupaten):
                return WriteVerdict.OtherRegion;
            case SubmitterKind.Owner when existing.OwnerPersonId != who.OwnerPersonId:
                if (existing.OwnerPersonId is not null || who.ProvenPhone is null || existing.Hp != who.ProvenPhone)
                {
                    return WriteVerdict.Claim;
                }

                allowed = WriteVerdict.LinkOwner;
                break;
        }

        return regency.Length > 0 && regency != existing.KodeKabupaten ? WriteVerdict.RegionMove : allowed;
    }

    /// <summary>True when the verdict lets the write go ahead.</summary>
    public static bool Allows(WriteVerdict verdict) => verdict is WriteVerdict.Create or WriteVerdict.Update or WriteVerdict.LinkOwner;
}
