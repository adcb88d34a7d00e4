using System.Globalization;
using PLKumkm.Bot.LoadTest.Targets;
using PLKumkm.Bot.Channels.Telegram;
using PLKumkm.Bot.LoadTest.Simulation;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.LoadTest.Checks;

/// <summary>What the database says after a run, read through a read-only connection (decrypted with the key file beside it).</summary>
internal static class DbChecks
{
    private static FieldProtector Protector(CheckedDatabase db) => db.Protector;

    public static long Count(CheckedDatabase db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Update ids the bot acknowledged but has no idempotency key for (their effect would be lost).</summary>
    public static IReadOnlyList<string> MissingUpdateKeys(CheckedDatabase db, IEnumerable<int> acknowledged)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        using var command = db.CreateCommand();
        command.CommandText = "SELECT \"UpdateKey\" FROM inbound_updates";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        // Stored as keyed hashes.
        var protector = Protector(db);
        return [.. acknowledged.Where(id => !keys.Contains(protector.Hash(TelegramUpdateTranslator.UpdateKey(id)))).Select(id => $"update {id}")];
    }

    /// <summary>The same business (NIK + normalised name) stored more than once.</summary>
    public static IReadOnlyList<string> DuplicateBusinesses(CheckedDatabase db)
    {
        var problems = new List<string>();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT \"NamaUsahaNormal\", COUNT(*) FROM umkm_records GROUP BY \"NikHash\", \"NamaUsahaNormal\" HAVING COUNT(*) > 1";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            problems.Add($"'{reader.GetString(0)}' x{reader.GetInt64(1)}");
        }

        return problems;
    }

    /// <summary>
    /// Every registration the users completed is stored once with every answer of the script: an answer lost
    /// (or applied twice) would shift the questionnaire and show up here as a wrong or missing field.
    /// </summary>
    public static IReadOnlyList<string> WrongRecords(CheckedDatabase db, IReadOnlyList<SimUser> users)
    {
        var stored = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var protector = Protector(db);
        using (var command = db.CreateCommand())
        {
            command.CommandText = """
                SELECT "NamaUsaha", "Nik", "Hp", "KodeDesa", "TkTotal", "OmzetTahunan", "Modal", "Aset", "KanalOnline", "SumberModal", "Nib", "Lat", "Status"
                FROM umkm_records
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var row = new string[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? "-" : reader.GetValue(i) is string text ? protector.Unprotect(text) : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
                }

                stored[row[0]] = row;
            }
        }

        var problems = new List<string>();
        var expectedCount = 0;
        foreach (var user in users.Where(u => u.Kind is UserKind.Owner or UserKind.Enumerator))
        {
            int registrations;
            lock (user)
            {
                registrations = user.Registrations;
            }

            for (var r = 0; r < registrations; r++)
            {
                expectedCount++;
                var owner = user.Kind == UserKind.Owner;
                var name = owner ? Scripts.BusinessName(user.Chat, r) : Scripts.EntryBusinessName(user.Chat, r);
                if (!stored.TryGetValue(name, out var row))
                {
                    problems.Add($"no record for '{name}'");
                    continue;
                }

                if (row[12] != "Active")
                {
                    problems.Add($"'{name}' is {row[12]}, not Active (its data should raise no flag)");
                }

                string[] expected = owner
                    ?
                    [
                        name, Scripts.Nik(user.Chat), Scripts.Phone(user.Chat), "16.01.14.1005", "3",
                        "36000000", "15000000", "-", "whatsapp,marketplace", "sendiri,kur", Scripts.Nib(user.Chat, r), "-4.1291",
                    ]
                    : [name, Scripts.EntryNik(user.Chat, r), Scripts.EntryPhone(user.Chat, r), "16.01.14.1005", "2", "36000000", "-", "-", "-", "-", "-", "-"];
                for (var i = 0; i < expected.Length; i++)
                {
                    if (!string.Equals(row[i], expected[i], StringComparison.Ordinal))
                    {
                        problems.Add($"'{name}' field {i}: '{row[i]}' instead of '{expected[i]}'");
                        break;
                    }
                }
            }
        }

        if (stored.Count != expectedCount)
        {
            problems.Add($"{stored.Count} records stored for {expectedCount} completed registrations");
        }

        return problems;
    }

    /// <summary>Per chat, the outbox rows in commit order rendered as the HTML texts the Telegram sender sends.</summary>
    public static Dictionary<long, List<string>> OutboxByChat(CheckedDatabase db)
    {
        var byChat = new Dictionary<long, List<string>>();
        var protector = Protector(db);
        using var command = db.CreateCommand();
        command.CommandText = "SELECT \"Address\", \"PayloadJson\" FROM outbox ORDER BY \"Id\"";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var (channel, chatId) = ChannelAddress.Split(protector.Unprotect(reader.GetString(0)));
            if (channel != TelegramUpdateTranslator.Channel)
            {
                continue;
            }

            var chat = long.Parse(chatId, CultureInfo.InvariantCulture);
            if (!byChat.TryGetValue(chat, out var list))
            {
                byChat[chat] = list = [];
            }

            var message = OutboxPayload.Deserialize(protector.Unprotect(reader.GetString(1)));
            list.AddRange(TelegramText.Split(message.Text).Select(LightMarkup.ToTelegramHtml));
        }

        return byChat;
    }
}
