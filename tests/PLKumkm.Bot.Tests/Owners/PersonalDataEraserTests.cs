using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Owners;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Owners;

public sealed class PersonalDataEraserTests
{
    private const string Nik = "1601074508900001";
    private const string Phone = "+6281234567890";

    [Fact]
    public async Task Withdrawal_removes_every_personal_value_everywhere_and_the_record_stops_counting()
    {
        using var test = await RecordsTestDatabase.CreateAsync();
        long personId;
        await using (var ctx = test.Open())
        {
            var person = new Person { Name = "Sari", Phone = Phone, CreatedAt = test.Clock.GetUtcNow() };
            person.Addresses.Add(new PersonAddress { Address = "telegram:42", CreatedAt = test.Clock.GetUtcNow() });
            ctx.People.Add(person);
            await ctx.SaveChangesAsync();
            personId = person.Id;
            ctx.Consents.Add(new Consent { PersonId = personId, NoticeVersion = "umkm-2026-11", GivenAt = test.Clock.GetUtcNow() });
            var writer = test.Writer(ctx);
            await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(), RecordsTestDatabase.Owner(personId), default);
            // A correction, so personal values sit in two versions of the history.
            await writer.UpdateAsync(RecordKind.Umkm, "KUMKM-1601-000001",
                RecordsTestDatabase.Umkm(a => a["nama_pemilik"] = "Sari Wulandari Putri"), RecordsTestDatabase.Owner(personId), default);
            await writer.SaveKoperasiAsync(RecordsTestDatabase.Koperasi(), RecordsTestDatabase.Owner(personId), default);
            // Someone else's record stays untouched.
            await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(a =>
            {
                a["nik"] = "1601071205850001";
                a["nama_pemilik"] = "Budi";
                a["nama_usaha"] = "Toko Maju Jaya";
                a["hp"] = "+6281111111111";
                a["alamat"] = "Jl. Sudirman 9";
                a.Remove("foto");
            }), RecordsTestDatabase.Owner(999), default);
            // A form in progress and a reply already sent, both holding the NIK.
            ctx.Sessions.Add(new ConversationSession
            {
                PersonId = personId, QuestionnaireId = "umkm", QuestionnaireVersion = 1, Stage = "Asking", IsActive = true,
                StateJson = $$"""{"questionnaireId":"umkm","questionnaireVersion":1,"stage":"Asking","answers":{"nik":"{{Nik}}"},"startedAt":"2026-11-27T03:00:00+00:00"}""",
            });
            ctx.Outbox.Add(new OutboxMessage { Address = "telegram:42", PayloadJson = $$"""{"text":"NIK: {{Nik}}"}""", CreatedAt = test.Clock.GetUtcNow(), SentAt = test.Clock.GetUtcNow() });
            await ctx.SaveChangesAsync();
        }

        test.Clock.Advance(TimeSpan.FromHours(1));
        await using (var ctx = test.Open())
        {
            var person = await ctx.People.SingleAsync(p => p.Id == personId);
            var withdrawn = (await PersonalDataEraser.EraseAsync(ctx, person, "telegram:42", test.Clock.GetUtcNow(), default)).Erased;
            await ctx.SaveChangesAsync();
            Assert.Equal(["KUMKM-1601-000001", "KOP-1601-000001"], withdrawn);
        }

        await using (var ctx = test.Open())
        {
            var record = await ctx.UmkmRecords.SingleAsync(r => r.RegistrationNumber == "KUMKM-1601-000001");
            Assert.Equal(RecordStatus.Withdrawn, record.Status);
            Assert.False(CountedStatuses.Counts(record.Status));
            Assert.Null(record.Nik);
            Assert.Null(record.NamaPemilik);
            Assert.Null(record.Hp);
            Assert.Null(record.Alamat);
            Assert.Null(record.Lat);
            Assert.Null(record.Foto);
            Assert.Equal("", record.NamaUsaha);
            // What is left is anonymous and still useful for statistics.
            Assert.Equal("16.01.14.1005", record.KodeDesa);
            Assert.Equal("G", record.Kbli);
            Assert.Equal(36_000_000, record.OmzetTahunan);

            var koperasi = await ctx.KoperasiRecords.SingleAsync();
            Assert.Equal(RecordStatus.Withdrawn, koperasi.Status);
            Assert.Null(koperasi.NamaPengurus);
            Assert.Null(koperasi.Hp);
            Assert.Equal("Koperasi Simpan Pinjam Maju Bersama", koperasi.NamaKoperasi);

            var person = await ctx.People.SingleAsync(p => p.Id == personId);
            Assert.Null(person.Name);
            Assert.Null(person.Phone);
            Assert.NotNull((await ctx.Consents.SingleAsync()).WithdrawnAt);
            Assert.False(await ctx.Sessions.AnyAsync(s => s.IsActive));
            Assert.Equal(RecordStatus.Active, (await ctx.UmkmRecords.SingleAsync(r => r.OwnerPersonId == 999)).Status);

            var last = await ctx.RecordVersions.Where(v => v.Kind == RecordKind.Umkm && v.RecordId == record.Id).OrderBy(v => v.Version).LastAsync();
            Assert.Equal(3, last.Version);
            Assert.Equal((RecordHistory.Erased, null), RecordHistory.Read(last)["nik"]);
            Assert.Equal(("Active", "Withdrawn"), RecordHistory.Read(last)["status"]);
            Assert.Contains("persetujuan ditarik", last.Note);

            // Nothing anywhere in the database still holds the personal values.
            var everything = await RecordsTestDatabase.AllTextAsync(ctx);
            foreach (var personal in new[] { Nik, Phone, "Sari Wulandari", "Warung Bu Sari", "Jl. Merdeka 1", "PHOTO-1", "Siti Rahmawati", "+6281377778888" })
            {
                Assert.DoesNotContain(everything, v => v.Contains(personal, StringComparison.Ordinal));
            }

            Assert.Contains(everything, v => v.Contains("1601071205850001", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Unowned_records_go_with_the_proven_phone_and_those_with_only_the_NIK_go_to_the_coordinator_by_the_deadline()
    {
        using var test = await RecordsTestDatabase.CreateAsync();
        long personId;
        await using (var ctx = test.Open())
        {
            var person = new Person { Name = "Sari", Phone = Phone, CreatedAt = test.Clock.GetUtcNow() };
            person.Addresses.Add(new PersonAddress { Address = "whatsapp:6281234567890", CreatedAt = test.Clock.GetUtcNow() });
            ctx.People.Add(person);
            await ctx.SaveChangesAsync();
            personId = person.Id;
            var writer = test.Writer(ctx);
            // Her own registration gives her NIK; an enumerator entered her stall with her phone, and her shop with another.
            await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(), RecordsTestDatabase.Owner(personId), default);
            await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(a => { a["nama_usaha"] = "Lapak Sari"; a["nik"] = "1601074508900002"; }),
                RecordsTestDatabase.Enumerator, default);
            await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(a => { a["nama_usaha"] = "Toko Sari"; a["hp"] = "+6281399990000"; }),
                RecordsTestDatabase.Enumerator, default);
        }

        await using (var ctx = test.Open())
        {
            var person = await ctx.People.SingleAsync(p => p.Id == personId);
            var outcome = await PersonalDataEraser.EraseAsync(ctx, person, "whatsapp:6281234567890", test.Clock.GetUtcNow(), default);
            await ctx.SaveChangesAsync();

            Assert.Equal(["KUMKM-1601-000001", "KUMKM-1601-000002"], outcome.Erased);
            var request = Assert.Single(outcome.Referred);
            Assert.Equal(test.Clock.GetUtcNow().AddHours(72), request.DueAt);
        }

        await using (var ctx = test.Open())
        {
            var shop = await ctx.UmkmRecords.SingleAsync(r => r.RegistrationNumber == "KUMKM-1601-000003");
            Assert.Equal(RecordStatus.Active, shop.Status);
            Assert.Equal(Nik, shop.Nik);
            var request = await ctx.ErasureRequests.SingleAsync();
            Assert.Equal((shop.Id, "16.01", ErasureStatus.Open), (request.RecordId, request.KodeKabupaten, request.Status));
            // Where the outcome is told is kept for the coordinator's answer, but not in clear.
            Assert.Equal("whatsapp:6281234567890", request.ReplyAddress);
            await ctx.Database.OpenConnectionAsync();
            await using var raw = ctx.Database.GetDbConnection().CreateCommand();
            raw.CommandText = "SELECT \"ReplyAddress\" FROM erasure_requests";
            Assert.DoesNotContain("6281234567890", (string)(await raw.ExecuteScalarAsync())!, StringComparison.Ordinal);
        }
    }
}
