using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Staff.Onboarding;

/// <summary>Staff are recognised only by their own shared number; nothing else grants a role.</summary>
public sealed class OnboardingTests
{
    [Fact]
    public async Task A_pre_registered_enumerator_sharing_their_own_number_is_recognised_and_merged()
    {
        await using var chat = await StaffChat.StartAsync();
        var registered = await chat.AddStaffAsync("0812 3456 7890", "enumerator", "16.01", "Siti Aminah");
        // They talked to the bot before (a person was created for the chat, with a language choice).
        await chat.SayAsync("tg-1", "/bahasa en");
        await chat.SayAsync("tg-1", "/bahasa id");

        var petugas = Assert.Single(await chat.SayAsync("tg-1", "/petugas"));
        Assert.Equal(ReplyRequest.Contact, petugas.Request);

        var welcome = Assert.Single(await chat.ShareContactAsync("tg-1", "6281234567890"));
        Assert.StartsWith("Halo Siti Aminah, Anda terdaftar sebagai enumerator di Kabupaten Ogan Komering Ulu.", welcome.Text, StringComparison.Ordinal);
        Assert.Equal(["/cepat", "/kinerja"], welcome.Options.Select(o => o.Value));

        await using var db = chat.Db.Open();
        var address = await db.PersonAddresses.SingleAsync(a => a.Address == "test:tg-1");
        Assert.Equal(registered.Id, address.PersonId);
        // The person created for the chat was folded into the registered one.
        Assert.Equal(1, await db.People.CountAsync());
        var person = await db.People.SingleAsync();
        Assert.Equal(PersonRole.Enumerator, person.Role);
        Assert.Equal("+6281234567890", person.Phone);

        // From now on the chat is the enumerator's: /petugas shows what they can do.
        Assert.StartsWith("Halo Siti Aminah", StaffChat.Text(await chat.SayAsync("tg-1", "/petugas")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forwarded_or_someone_elses_contact_grants_nothing()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.AddStaffAsync("0812 3456 7890", "coordinator", "16.01", "Budi Santoso");

        var reply = Assert.Single(await chat.ShareContactAsync("intruder", "+62 812 3456 7890", own: false));
        Assert.Contains("nomor HP Anda sendiri", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ReplyRequest.Contact, reply.Request);
        Assert.StartsWith("Maaf", StaffChat.Text(await chat.SayAsync("intruder", "/tim")), StringComparison.Ordinal);

        await using var db = chat.Db.Open();
        var intruder = await db.PersonAddresses.Where(a => a.Address == "test:intruder").Select(a => a.Person!).SingleAsync();
        Assert.Equal(PersonRole.Owner, intruder.Role);
        Assert.Null(intruder.Phone);
        Assert.Equal(0, await db.PersonAddresses.CountAsync(a => a.Person!.Role == PersonRole.Coordinator));
    }

    [Fact]
    public async Task An_unregistered_number_is_only_stored_on_the_person()
    {
        await using var chat = await StaffChat.StartAsync();
        var reply = StaffChat.Text(await chat.ShareContactAsync("owner", "0813 1111 2222"));
        Assert.Contains("belum terdaftar sebagai petugas", reply, StringComparison.Ordinal);
        await using var db = chat.Db.Open();
        var person = await db.People.SingleAsync();
        Assert.Equal("+6281311112222", person.Phone);
        Assert.Equal(PersonRole.Owner, person.Role);

        // An admin registering that number later makes the same person staff, with no new sharing needed.
        await chat.AddStaffAsync("+62 813-1111-2222", "enumerator", "1601", "Rina");
        Assert.Contains("Kinerja Rina", StaffChat.Text(await chat.SayAsync("owner", "/kinerja")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_shared_as_the_answer_to_the_phone_question_goes_to_the_questionnaire()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.AddStaffAsync("0812 3456 7890", "enumerator", "16.01", "Siti Aminah");
        await chat.SayAsync("o", "/daftar");
        await chat.PressAsync("o", "_consent=ya");
        await chat.SayAsync("o", "Siti Aminah");
        await chat.SayAsync("o", "1601074508900001");
        await chat.PressAsync("o", "jenis_kelamin=P");

        // The owner's own number, shared at the phone question: an answer, not an onboarding.
        var next = StaffChat.Text(await chat.ShareContactAsync("o", "6281234567890"));
        Assert.Contains("nama usahanya", next, StringComparison.Ordinal);
        await using var db = chat.Db.Open();
        Assert.Equal(2, await db.People.CountAsync());
        var session = await db.Sessions.SingleAsync();
        Assert.Contains("6281234567890", session.StateJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_number_is_refused_kindly()
    {
        await using var chat = await StaffChat.StartAsync();
        Assert.Contains("nomor HP Indonesia", StaffChat.Text(await chat.ShareContactAsync("x", "+1 650 555 1234")), StringComparison.Ordinal);
    }
}
