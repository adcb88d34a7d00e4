using PLKumkm.Bot.Records;
using PLKumkm.Bot.Records.Rules;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Records.Rules;

/// <summary>The single-database rules, decided from a record and what matches it, without a database.</summary>
public sealed class RecordRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_match_in_another_regency_is_named_by_its_regency_only()
    {
        var record = New(a => a["nib"] = "9120001234567");

        var note = RecordRules.FlagUmkm(record, new UmkmMatches(false, null, new OtherRecord("KUMKM-1602-000001", "16.02"),
            new OtherRecord("KUMKM-1601-000009", "16.01")));

        Assert.Equal(RecordStatus.Flagged, record.Status);
        Assert.Equal("NIB sudah dipakai usaha lain di kabupaten/kota 16.02; kemungkinan duplikat dari KUMKM-1601-000009 (HP sama, nama mirip)", record.FlagReason);
        Assert.Equal("ditandai: NIB sudah dipakai usaha lain di kabupaten/kota 16.02; ditandai: kemungkinan duplikat dari KUMKM-1601-000009", note);
    }

    [Fact]
    public void The_same_pair_flagged_by_name_and_village_gets_no_second_reason_for_its_phone()
    {
        var record = New();
        var twin = new OtherRecord("KUMKM-1601-000001", "16.01");

        var note = RecordRules.FlagUmkm(record, new UmkmMatches(false, twin.Number, null, twin));

        Assert.Equal("kemungkinan duplikat dari KUMKM-1601-000001", record.FlagReason);
        Assert.Null(note);
    }

    [Theory]
    [InlineData(nameof(RecordStatus.Rejected), false)]
    [InlineData(nameof(RecordStatus.Duplicate), false)]
    [InlineData(nameof(RecordStatus.Active), true)]
    public void A_decided_or_approved_record_stays_as_it_is_even_when_it_turns_out_large(string decided, bool approved)
    {
        var status = Enum.Parse<RecordStatus>(decided);
        var record = New(a => a["omzet_tahunan"] = "60000000000");
        record.Status = status;

        var note = RecordRules.FlagUmkm(record, new UmkmMatches(approved, "KUMKM-1601-000001", new OtherRecord("KUMKM-1601-000002", "16.01"), null));

        Assert.Equal((status, (string?)null, (string?)null), (record.Status, record.FlagReason, note));
    }

    [Fact]
    public void A_flag_whose_reason_is_gone_is_released()
    {
        var record = New();
        record.Status = RecordStatus.Flagged;
        record.FlagReason = "tidak wajar: 200 pekerja untuk usaha mikro";

        RecordRules.FlagUmkm(record, default);

        Assert.Equal((RecordStatus.Active, (string?)null), (record.Status, record.FlagReason));
    }

    [Fact]
    public void A_stated_submission_time_is_kept_as_an_instant_and_a_repeat_without_one_keeps_the_first()
    {
        var record = New(a => a["waktu_kirim"] = "2022-09-12T10:15:00+07:00");
        Assert.Equal((new DateTimeOffset(2022, 9, 12, 3, 15, 0, TimeSpan.Zero), TimeSpan.Zero), (record.WaktuKirim, record.WaktuKirim.Offset));

        RecordRules.Update(record, RecordsTestDatabase.Umkm(), WriteVerdict.Update, Submitter.Import(null), Now.AddDays(1));
        Assert.Equal(new DateTimeOffset(2022, 9, 12, 3, 15, 0, TimeSpan.Zero), record.WaktuKirim);
        Assert.Equal(Now, New().WaktuKirim);
    }

    private static UmkmRecord New(Action<Dictionary<string, string>>? change = null) =>
        RecordRules.NewUmkm(RecordsTestDatabase.Umkm(change), Submitter.Import(null), Now);
}
