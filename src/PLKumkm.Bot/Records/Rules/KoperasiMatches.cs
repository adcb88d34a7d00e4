namespace PLKumkm.Bot.Records.Rules;

/// <summary>What the stored records say about a cooperative about to be written (see <see cref="UmkmMatches"/>).</summary>
/// <param name="Approved">A coordinator approved this cooperative (a koperasi decision on its id).</param>
/// <param name="SameNameOtherNumber">Another cooperative of the same normalised name in the same village under a different
/// legal entity number: its number.</param>
/// <param name="NibHolder">The record that had the NIB first: a UMKM created no later, else another cooperative created earlier
/// (same instant: lower id; any, when new).</param>
/// <param name="SamePhoneSimilarName">Among the first <see cref="RecordRules.MaxPhoneCandidates"/> other counted cooperatives with the same
/// phone, the first whose name is similar.</param>
internal readonly record struct KoperasiMatches(bool Approved, string? SameNameOtherNumber, OtherRecord? NibHolder, OtherRecord? SamePhoneSimilarName);
