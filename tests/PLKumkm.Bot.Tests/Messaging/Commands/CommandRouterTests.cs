using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Messaging.Commands;
using PLKumkm.Bot.Staff;
using PLKumkm.Bot.Tests.Staff;

namespace PLKumkm.Bot.Tests.Messaging.Commands;

/// <summary>What the command table decides, through the whole pipeline: who gets an update, and before or after the
/// open questionnaire.</summary>
public sealed class CommandRouterTests
{
    [Fact]
    public async Task A_typed_menu_choice_starts_a_registration_outside_a_questionnaire_and_is_left_to_it_inside()
    {
        await using var chat = await StaffChat.StartAsync();

        await chat.SayAsync("owner", "koperasi");
        Assert.Equal(["koperasi"], await ActiveQuestionnairesAsync(chat));

        await chat.SayAsync("owner", "Daftarkan UMKM");
        Assert.Equal(["koperasi"], await ActiveQuestionnairesAsync(chat));
    }

    [Fact]
    public async Task A_quick_entry_comes_before_the_open_questionnaire_which_stays_where_it_was()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("staff", "0811 2000 0001", "enumerator", "16.01", "Rudi");
        await chat.SayAsync("staff", "/daftar");
        var before = await OpenStageAsync(chat);

        var template = StaffChat.Text(await chat.SayAsync("staff", "#umkm"));

        Assert.Contains("#umkm", template, StringComparison.Ordinal);
        Assert.Equal(before, await OpenStageAsync(chat));
    }

    [Fact]
    public async Task An_answer_that_starts_with_a_hash_but_names_no_questionnaire_is_the_owner_s_answer()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.SayAsync("owner", "/daftar");

        // "#1 Laundry" could be a business name; only #umkm, #koperasi (a questionnaire's id) is a quick entry.
        var reply = StaffChat.Text(await chat.SayAsync("owner", "#1 Laundry"));

        Assert.DoesNotContain(RolePolicy.Refusal(StaffAction.QuickEntry).Id, reply, StringComparison.Ordinal);
        Assert.NotEmpty(reply);
        // A real quick-entry tag from someone without the role is still refused politely.
        Assert.Equal(RolePolicy.Refusal(StaffAction.QuickEntry).Id, StaffChat.Text(await chat.SayAsync("owner", "#umkm")));
    }

    [Fact]
    public async Task A_staff_command_from_someone_the_table_does_not_let_in_gets_the_role_policy_s_refusal()
    {
        await using var chat = await StaffChat.StartAsync();

        var reply = Assert.Single(await chat.SayAsync("owner", "/team"));

        Assert.Equal(RolePolicy.Refusal(StaffAction.Team).Id, reply.Text);
    }

    [Fact]
    public async Task The_questionnaire_s_own_commands_get_the_question_s_help_inside_it_and_the_help_outside()
    {
        await using var chat = await StaffChat.StartAsync();

        Assert.Equal(CommandHelp.Owner.Id, Assert.Single(await chat.SayAsync("owner", "/kembali")).Text);

        await chat.SayAsync("owner", "/daftar");
        Assert.Contains(CommandHelp.QuestionHint.Id, StaffChat.Text(await chat.SayAsync("owner", "/bantuan")), StringComparison.Ordinal);
    }

    private static async Task<List<string>> ActiveQuestionnairesAsync(StaffChat chat)
    {
        await using var db = chat.Db.Open();
        return await db.Sessions.Where(s => s.IsActive).Select(s => s.QuestionnaireId).ToListAsync();
    }

    private static async Task<(string Stage, string? Question)> OpenStageAsync(StaffChat chat)
    {
        await using var db = chat.Db.Open();
        var session = await db.Sessions.SingleAsync(s => s.IsActive);
        return (session.Stage, session.CurrentQuestionId);
    }
}
