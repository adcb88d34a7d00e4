using Microsoft.EntityFrameworkCore;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>
/// A normal stop (a deploy, systemd stop) sends the replies of what was already committed before the process ends,
/// so none of them is left half-sent and sent a second time after the restart.
/// </summary>
public sealed class GracefulStopTests
{
    private const long Chat = 777301;

    [Fact]
    public async Task Stopping_right_after_a_batch_was_acknowledged_still_delivers_its_replies_once()
    {
        using var db = new TestDatabase();
        await using var bot = await TelegramBotSession.StartAsync(db);
        // Warm up the chat first, then hold every send: the stop arrives while the reply is on its way.
        await bot.SayAsync(Chat, "/bantuan");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Fake.SendGate = release.Task;

        var id = bot.Fake.EnqueueText(Chat, "/start");
        await bot.Fake.WaitForConfirmedOffsetAsync(id + 1, TimeSpan.FromSeconds(20));
        await bot.Fake.SendHeld.WaitAsync(TimeSpan.FromSeconds(20));
        var before = bot.Fake.SentTo(Chat).Count;
        var stopping = bot.StopHostAsync();
        Assert.False(stopping.IsCompleted, "the stop waits for the reply on its way");
        release.SetResult();
        await stopping;

        await using var check = db.Open();
        Assert.Equal(0, await check.Outbox.CountAsync(o => o.Address == $"telegram:{Chat}" && o.SentAt == null));
        Assert.Equal(await check.Outbox.CountAsync(o => o.Address == $"telegram:{Chat}"), bot.Fake.SentTo(Chat).Count);
        Assert.True(bot.Fake.SentTo(Chat).Count > before);
    }
}
