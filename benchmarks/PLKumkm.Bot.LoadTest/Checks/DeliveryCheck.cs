using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.LoadTest.Checks;

/// <summary>
/// Compares what each chat received at the fake with the outbox rows committed for it. Every received message must
/// be a committed reply, in commit order, and every committed reply must have arrived. A message may arrive a
/// second time only as a re-send of one already delivered (sent, then the process died before marking it sent).
/// </summary>
internal static class DeliveryCheck
{
    public static DeliveryResult Compare(Dictionary<long, List<string>> committed, FakeBotApi fake, IEnumerable<long> chats)
    {
        var problems = new List<string>();
        long delivered = 0, resent = 0;
        foreach (var chat in chats)
        {
            var expected = committed.GetValueOrDefault(chat) ?? [];
            var received = fake.SentTo(chat).Select(m => m.Text ?? "").ToList();
            var next = 0;
            for (var i = 0; i < received.Count; i++)
            {
                if (next < expected.Count && string.Equals(received[i], expected[next], StringComparison.Ordinal))
                {
                    next++;
                    delivered++;
                    continue;
                }

                if (expected.Take(next).Contains(received[i], StringComparer.Ordinal))
                {
                    resent++;
                    continue;
                }

                problems.Add($"chat {chat}: message {i + 1} is not the next committed reply ('{Short(received[i])}', expected '{Short(next < expected.Count ? expected[next] : "nothing")}')");
                next = -1;
                break;
            }

            if (next >= 0 && next < expected.Count)
            {
                problems.Add($"chat {chat}: {expected.Count - next} committed repl(ies) never arrived, first '{Short(expected[next])}'");
            }
        }

        return new DeliveryResult(delivered, resent, problems);
    }

    private static string Short(string text) => text.Length <= 50 ? text.ReplaceLineEndings(" ") : text[..50].ReplaceLineEndings(" ") + "…";
}

internal sealed record DeliveryResult(long Delivered, long Resent, IReadOnlyList<string> Problems);
