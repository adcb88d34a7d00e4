namespace PLKumkm.Bot.Core;

/// <summary>What a submitted questionnaire becomes; shared by every layer, so it depends on none.</summary>
internal enum RecordKind
{
    Umkm,
    Koperasi,
}
