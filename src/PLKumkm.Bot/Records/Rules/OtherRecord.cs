namespace PLKumkm.Bot.Records.Rules;

/// <summary>Another stored record a rule matched: its registration number and regency (a flag reason names it by
/// number only inside the same regency, see <see cref="RecordRules.Named"/>).</summary>
internal readonly record struct OtherRecord(string Number, string Regency);
